package dev.cubby.meta;

/**
 * A write recorded durably before its staged file is renamed into place, so that bytes and
 * metadata change together even when the process dies in between. {@code row} is the row the
 * write will give its key, with the staged file's fingerprint: a rename keeps the inode, size and
 * mtime ({@link Fingerprint#sameBytesAs}), so that fingerprint tells whether the file now at the
 * key is this write's. A null ETag in {@code row} means the ETag is not known (hashed on need).
 *
 * @param id          unique per write
 * @param stagedFile  the staged file's path, removed when a crashed write is dropped
 * @param ownerPid    the process that made the write; only a dead owner's writes are recovered at start
 */
public record PendingWrite(String id, ObjectRecord row, String stagedFile, long ownerPid) {

    /** True when {@code current} is this write's file, so the write reached its key. */
    public boolean landedAs(Fingerprint current) {
        return row.fingerprint().sameBytesAs(current);
    }

    /** The row to record for the published file: its fingerprint now, unless the ETag is not known. */
    public ObjectRecord rowFor(Fingerprint published) {
        return row.withVersion(row.etag() == null ? null : published, row.etag(), row.checksum());
    }
}
