package dev.cubby.store;

import dev.cubby.checksum.ChecksumAlgorithm;
import dev.cubby.meta.ObjectMetadata;
import java.io.InputStream;
import java.util.Set;

/**
 * A whole-object write. {@code compute} lists the checksums to compute while streaming;
 * {@code kept} is the one stored with the object. {@code verifier} sees the digests after the
 * last byte and before anything becomes visible, and refuses the body by throwing.
 */
public record PutRequest(String bucket, String key, InputStream body, ObjectMetadata metadata,
                         Set<ChecksumAlgorithm> compute, ChecksumAlgorithm kept, BodyVerifier verifier,
                         WriteCondition condition) {

    /** An unconditional write. */
    public PutRequest(String bucket, String key, InputStream body, ObjectMetadata metadata,
                      Set<ChecksumAlgorithm> compute, ChecksumAlgorithm kept, BodyVerifier verifier) {
        this(bucket, key, body, metadata, compute, kept, verifier, WriteCondition.NONE);
    }

    @FunctionalInterface
    public interface BodyVerifier {
        void verify(BodyDigests digests);
    }
}
