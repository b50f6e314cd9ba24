package dev.cubby.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Removes temporaries left by a crash. Only files untouched for an hour go: a live upload keeps
 * its temporary's mtime fresh, and another process (a FUSE mount) may share the staging folder.
 */
final class StagingSweeper {
    private static final Logger LOG = Logger.getLogger(StagingSweeper.class.getName());
    private static final Duration STALE_AFTER = Duration.ofHours(1);

    private StagingSweeper() {
    }

    static void sweep(Buckets buckets) {
        Set<Path> stagingFolders = new HashSet<>();
        stagingFolders.add(buckets.root().resolve(ObjectKey.INTERNAL_FOLDER).resolve("tmp"));
        buckets.list().forEach(bucket -> stagingFolders.add(bucket.staging()));
        Instant cutoff = Instant.now().minus(STALE_AFTER);
        for (Path folder : stagingFolders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (var entries = Files.newDirectoryStream(folder, "put-*")) {
                for (Path entry : entries) {
                    if (Files.getLastModifiedTime(entry).toInstant().isBefore(cutoff)) {
                        Files.deleteIfExists(entry);
                        LOG.info(() -> "removed the leftover temporary " + entry);
                    }
                }
            } catch (IOException e) {
                LOG.warning("cannot sweep " + folder + ": " + e.getMessage());
            }
        }
    }
}
