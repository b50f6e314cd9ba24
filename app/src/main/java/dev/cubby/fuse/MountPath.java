package dev.cubby.fuse;

/**
 * A path as FUSE names it ({@code /bucket/dir/file}) in S3 terms: the mount's root, a bucket, or
 * a key inside a bucket (without trailing slash; folders are told apart by the disk, not the name).
 */
record MountPath(String bucket, String key) {

    static MountPath parse(String fusePath) {
        String trimmed = fusePath.startsWith("/") ? fusePath.substring(1) : fusePath;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return new MountPath(null, null);
        }
        int slash = trimmed.indexOf('/');
        return slash < 0 ? new MountPath(trimmed, null)
                : new MountPath(trimmed.substring(0, slash), trimmed.substring(slash + 1));
    }

    boolean isRoot() {
        return bucket == null;
    }

    boolean isBucket() {
        return bucket != null && key == null;
    }

    boolean isEntry() {
        return key != null;
    }
}
