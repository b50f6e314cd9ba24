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
            // Opened without following links: a link planted in .cubby must not lead the sweep elsewhere.
            Path base = folder.getParent().getParent();
            try (OpenFolder open = OpenFolder.internal(base, base.relativize(folder), false);
                 var entries = Files.newDirectoryStream(open.path(), "put-*")) {
                for (Path entry : entries) {
                    if (Files.getLastModifiedTime(entry).toInstant().isBefore(cutoff)) {
                        Files.deleteIfExists(entry);
                        LOG.info(() -> "removed the leftover temporary " + folder.resolve(entry.getFileName()));
                    }
                }
            } catch (IOException e) {
                LOG.warning("cannot sweep " + folder + ": " + e.getMessage());
            }
        }
    }
}
