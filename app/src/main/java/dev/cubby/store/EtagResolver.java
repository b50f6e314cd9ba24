package dev.cubby.store;

import dev.cubby.checksum.Digests;
import dev.cubby.meta.Fingerprint;
import dev.cubby.meta.ObjectRecord;
import dev.cubby.meta.Sidecar;
import dev.cubby.meta.SidecarException;
import dev.cubby.meta.StoredChecksum;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The one rule for an object's ETag. A sidecar row whose fingerprint matches the file gives it;
 * otherwise the file changed outside Cubby, and its MD5 is computed now (reads of files up to a
 * bound) or by the background indexer, with the fingerprint placeholder meanwhile. An ETag is
 * therefore never the MD5 of other bytes.
 */
public final class EtagResolver {
    private static final Logger LOG = Logger.getLogger(EtagResolver.class.getName());
    private final Sidecar sidecar;
    private final BackgroundIndexer indexer;
    private final long hashOnReadLimit;

    public EtagResolver(Sidecar sidecar, BackgroundIndexer indexer, long hashOnReadLimit) {
        this.sidecar = sidecar;
        this.indexer = indexer;
        this.hashOnReadLimit = hashOnReadLimit;
    }

    /** For HEAD and GET: may hash the file now when it is small enough. */
    String forRead(String bucket, String key, Path path, FileState state, ObjectRecord record) {
        if (record != null && record.describes(state.fingerprint())) {
            return record.etag();
        }
        if (state.size() <= hashOnReadLimit) {
            String md5 = hashIfStable(path, state.fingerprint());
            if (md5 != null) {
                remember(bucket, key, state.fingerprint(), md5, keepsMetadata(record, state), record);
                return md5;
            }
        }
        indexer.enqueue(bucket, key);
        return state.fingerprint().placeholderEtag();
    }

    /** The ETag is right without its row, so a read still answers when the sidecar's disk is full. */
    private void remember(String bucket, String key, Fingerprint fingerprint, String md5, boolean keepMetadata,
                          ObjectRecord seen) {
        try {
            sidecar.recordEtag(bucket, key, fingerprint, md5, keepMetadata, seen);
        } catch (SidecarException e) {
            if (!e.diskFull()) {
                throw e;
            }
            LOG.fine(() -> "the ETag of " + bucket + "/" + key + " is not kept: the sidecar's disk is full");
        }
    }

    /** For listings: never reads file contents. */
    String forListing(String bucket, String key, FileState state, ObjectRecord record) {
        if (record != null && record.describes(state.fingerprint())) {
            return record.etag();
        }
        indexer.enqueue(bucket, key);
        return state.fingerprint().placeholderEtag();
    }

    /** Whether a row re-hashed for a changed file keeps its metadata: see {@link ObjectRecord#metadataFor}. */
    static boolean keepsMetadata(ObjectRecord record, FileState state) {
        return record != null && record.metadataBelongsTo(state.fingerprint());
    }

    /**
     * The sidecar's checksum for the bytes that {@code etag} (as resolved above) describes, or
     * null. A checksum describes the bytes its ETag described; a file changed outside Cubby has
     * none until it is uploaded again.
     */
    static StoredChecksum checksum(ObjectRecord record, String etag) {
        return record != null && Objects.equals(record.etag(), etag) ? record.checksum() : null;
    }

    /**
     * The file's MD5 if it did not change while being read, else null. Also used by the
     * indexer, which adds throttling around it.
     */
    static String hashIfStable(Path path, Fingerprint before) {
        MessageDigest md5 = Digests.md5();
        try (InputStream in = Files.newInputStream(path)) {
            // sized to the file: the indexer hashes many small files that Samba wrote
            byte[] buffer = new byte[(int) Math.min(256 * 1024, Math.max(1, before.size() + 1))];
            int n;
            while ((n = in.read(buffer)) != -1) {
                md5.update(buffer, 0, n);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " to compute its MD5", e);
        }
        FileState after = FileState.of(path);
        return after.isFile() && before.equals(after.fingerprint()) ? Digests.hex(md5.digest()) : null;
    }
}
