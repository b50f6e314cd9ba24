package dev.cubby.store;

import java.util.List;

/**
 * A snapshot of the store for monitoring: what the sidecar holds, what is still unhashed, and
 * each bucket's room.
 *
 * @param objectRows     objects the sidecar has a row for
 * @param openUploads    multipart uploads neither completed nor aborted
 * @param sidecarBytes   the sidecar's size on disk
 * @param pendingHashes  files whose MD5 the background indexer has still to compute
 * @param buckets        one entry per bucket, in name order
 */
public record StoreStatistics(long objectRows, long openUploads, long sidecarBytes, int pendingHashes,
                              List<BucketRoom> buckets) {

    public StoreStatistics {
        buckets = List.copyOf(buckets);
    }

    /**
     * @param freeBytes   what an unprivileged writer may still use on the bucket's filesystem
     * @param totalBytes  that filesystem's size
     * @param quotaBytes  the bucket's quota, or -1 when it has none
     * @param usedBytes   what the quota counts as used (last walk plus Cubby's own changes), or -1
     */
    public record BucketRoom(String bucket, long freeBytes, long totalBytes, long quotaBytes, long usedBytes) {
    }
}
