package dev.cubby.store;

import dev.cubby.checksum.ChecksumAlgorithm;
import dev.cubby.meta.ObjectMetadata;
import java.io.InputStream;
import java.util.Set;

/**
 * A whole-object write. {@code compute} lists the checksums to compute while streaming;
 * {@code kept} is the one stored with the object. {@code verifier} sees the digests after the
 * last byte and before anything becomes visible, and refuses the body by throwing.
 * {@code declaredSize} is the body's size as the request declared it, or {@link #UNKNOWN_SIZE}:
 * room for it is reserved before the first byte is stored.
 */
public record PutRequest(String bucket, String key, InputStream body, ObjectMetadata metadata,
                         Set<ChecksumAlgorithm> compute, ChecksumAlgorithm kept, BodyVerifier verifier,
                         WriteCondition condition, long declaredSize) {
    /** A body whose size is known only once it has been read. */
    public static final long UNKNOWN_SIZE = -1;

    /** A body of unknown size. */
    public PutRequest(String bucket, String key, InputStream body, ObjectMetadata metadata,
                      Set<ChecksumAlgorithm> compute, ChecksumAlgorithm kept, BodyVerifier verifier,
                      WriteCondition condition) {
        this(bucket, key, body, metadata, compute, kept, verifier, condition, UNKNOWN_SIZE);
    }

    /** An unconditional write. */
    public PutRequest(String bucket, String key, InputStream body, ObjectMetadata metadata,
                      Set<ChecksumAlgorithm> compute, ChecksumAlgorithm kept, BodyVerifier verifier) {
        this(bucket, key, body, metadata, compute, kept, verifier, WriteCondition.NONE, UNKNOWN_SIZE);
    }

    @FunctionalInterface
    public interface BodyVerifier {
        void verify(BodyDigests digests);
    }
}
