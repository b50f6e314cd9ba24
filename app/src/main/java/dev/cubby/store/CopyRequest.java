package dev.cubby.store;

import dev.cubby.checksum.ChecksumAlgorithm;
import dev.cubby.meta.ObjectMetadata;

/**
 * A server-side copy of one object. {@code sourceCheck} sees the source version that will be
 * copied (the one opened, so its ETag describes the bytes read) and refuses the copy by throwing.
 * {@code replacement} is the target's metadata, or null to keep the source's. {@code checksum} is
 * the additional checksum computed and kept, or null for the source's algorithm (CRC64NVME when
 * it has none, as S3 does for new objects). {@code condition} applies to the target.
 */
public record CopyRequest(String sourceBucket, String sourceKey, String targetBucket, String targetKey,
                          SourceCheck sourceCheck, ObjectMetadata replacement, ChecksumAlgorithm checksum,
                          WriteCondition condition) {

    static final ChecksumAlgorithm DEFAULT_CHECKSUM = ChecksumAlgorithm.CRC64NVME;

    /** True when source and target name the same object. */
    public boolean ontoItself() {
        return sourceBucket.equals(targetBucket) && sourceKey.equals(targetKey);
    }

    @FunctionalInterface
    public interface SourceCheck {
        void check(StoredObject source);
    }
}
