package dev.cubby.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Cubby's own folder in a served tree, {@code .cubby/}, and everything staged there before it
 * becomes an object: {@code tmp/put-<uuid>} for bodies on their way in (a PUT, a completion, a
 * file written through the mount), {@code uploads/<id>/} for the parts of a multipart upload, and
 * the sidecar database of the served root. It lies on the bucket's filesystem so that every
 * commit is a rename. Every folder in it is opened without following links (see
 * {@link OpenFolder#internal}): local users may write into a bucket that holds it.
 */
public final class StagingArea {
    private static final Logger LOG = Logger.getLogger(StagingArea.class.getName());
    private static final String TEMPORARIES = "tmp";
    private static final String UPLOADS = "uploads";
    /** Every temporary's name starts so; the start-up sweep removes only such names. */
    private static final String TEMPORARY_PREFIX = "put-";
    private static final String SIDECAR_FILE = "sidecar.db";
    /** A live upload keeps its temporary's mtime fresh, and another process (a mount) may share the folder. */
    private static final Duration STALE_AFTER = Duration.ofHours(1);

    private StagingArea() {
    }

    /** The sidecar database of the served root: the server and any mount of the root open the same one. */
    public static Path sidecarFile(Path root) {
        return internalFolder(root).resolve(SIDECAR_FILE);
    }

    /** The folder for temporaries of the buckets served from {@code servedFolder} (the root, or a configured folder). */
    static Path temporariesOf(Path servedFolder) {
        return internalFolder(servedFolder).resolve(TEMPORARIES);
    }

    private static Path internalFolder(Path servedFolder) {
        return servedFolder.resolve(ObjectKey.INTERNAL_FOLDER);
    }

    /** The served folder whose {@code .cubby/} holds the bucket's staging folders. */
    private static Path baseOf(Bucket bucket) {
        return bucket.staging().getParent().getParent();
    }

    /** A fresh temporary file name in the bucket's staging folder (made if missing, no planted link on the way). */
    static Path newTemporary(Bucket bucket) {
        Path base = baseOf(bucket);
        try {
            OpenFolder.internal(base, base.relativize(bucket.staging()), true).close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the staging folder " + bucket.staging(), e);
        }
        return bucket.staging().resolve(TEMPORARY_PREFIX + UUID.randomUUID());
    }

    /** Removes a temporary whose write is over; one left behind is the start-up sweep's. */
    static void removeQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the start-up sweep of the staging folder removes what is left
        }
    }

    /** Whether {@code file} names a temporary in the bucket's own staging folder. */
    static boolean isTemporaryOf(Bucket bucket, Path file) {
        return bucket.staging().equals(file.getParent());
    }

    /** The folder of an upload's parts; refuses an ID Cubby cannot have made (IDs come from clients). */
    static Path uploadFolder(Bucket bucket, String uploadId) {
        if (!isUploadId(uploadId)) {
            throw new StoreException(StoreException.Reason.NO_SUCH_UPLOAD, "The upload '" + uploadId + "' does not exist.");
        }
        return uploadsOf(bucket).resolve(uploadId);
    }

    /** The upload's folder, opened with no link followed; made (with the folders above) when {@code create}. */
    static OpenFolder openUpload(Bucket bucket, String uploadId, boolean create) throws IOException {
        Path base = baseOf(bucket);
        return OpenFolder.internal(base, base.relativize(uploadFolder(bucket, uploadId)), create);
    }

    /** Removes an upload's folder and parts, unlinked through the opened folder; returns the bytes freed. */
    static long removeUpload(Bucket bucket, String uploadId) {
        Path folder = uploadFolder(bucket, uploadId);
        long freed = 0;
        try (OpenFolder open = openUpload(bucket, uploadId, false); var entries = Files.list(open.path())) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                FileState state = FileState.of(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                if (Files.deleteIfExists(entry) && state.isFile()) {
                    freed += state.size();
                }
            }
            Files.deleteIfExists(folder);
            return freed;
        } catch (java.nio.file.NoSuchFileException ignored) {
            return freed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the staging folder " + folder, e);
        }
    }

    /** A fresh name for a part's file in its upload's folder: a re-sent part gets a file of its own. */
    static String newPartName(int partNumber) {
        return "part-" + partNumber + "-" + UUID.randomUUID();
    }

    /** The name a part's file has while its bytes arrive, renamed to {@code partName} once verified. */
    static String whileArriving(String partName) {
        return partName + ".tmp";
    }

    /**
     * 32 hex digits: the initiation time in milliseconds (12 digits), then randomness. IDs of one
     * key thus sort in initiation order, the order S3 lists (and pages) uploads of one key in.
     */
    static String newUploadId(Instant initiated) {
        return String.format("%012x", initiated.toEpochMilli())
                + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    static boolean isUploadId(String name) {
        return name.matches("[0-9a-f]{32}");
    }

    /** When the upload of a well-formed ID was initiated, from its first 12 digits. */
    static Instant initiatedAt(String uploadId) {
        return Instant.ofEpochMilli(Long.parseLong(uploadId.substring(0, 12), 16));
    }

    /** The uploads folders of the served buckets, each once, with a bucket to reach it through. */
    static Map<Path, Bucket> uploadFolders(Buckets buckets) {
        var byFolder = new HashMap<Path, Bucket>();
        buckets.list().forEach(bucket -> byFolder.putIfAbsent(uploadsOf(bucket), bucket));
        return byFolder;
    }

    private static Path uploadsOf(Bucket bucket) {
        return bucket.staging().getParent().resolve(UPLOADS);
    }

    /** Makes a rename, creation or removal in {@code dir} durable. */
    static void fsync(Path dir) throws IOException {
        try (var channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** At start: removes temporaries left by a crash, untouched for an hour. */
    static void sweepTemporaries(Buckets buckets) {
        Set<Path> stagingFolders = new HashSet<>();
        stagingFolders.add(temporariesOf(buckets.root()));
        buckets.list().forEach(bucket -> stagingFolders.add(bucket.staging()));
        Instant cutoff = Instant.now().minus(STALE_AFTER);
        for (Path folder : stagingFolders) {
            if (Files.isDirectory(folder)) {
                sweep(folder, cutoff);
            }
        }
    }

    private static void sweep(Path folder, Instant cutoff) {
        // Opened without following links: a link planted in .cubby must not lead the sweep elsewhere.
        Path base = folder.getParent().getParent();
        try (OpenFolder open = OpenFolder.internal(base, base.relativize(folder), false);
             var entries = Files.newDirectoryStream(open.path(), TEMPORARY_PREFIX + "*")) {
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
