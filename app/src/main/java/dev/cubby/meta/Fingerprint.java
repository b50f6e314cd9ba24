package dev.cubby.meta;

import dev.cubby.checksum.Digests;

/**
 * What identifies one version of a file on disk without reading it: size, modification and
 * status-change times in nanoseconds, and the inode. A rewrite by Samba or the shell changes at
 * least the ctime even when size and mtime are put back, so a matching fingerprint means the
 * sidecar's ETag still describes the bytes.
 */
public record Fingerprint(long size, long mtimeNanos, long ctimeNanos, long inode) {

    /**
     * True when {@code later} is this same file with the same bytes, only its ctime moved, as a
     * rename, link, chmod or chown leaves it. A write in place moves the mtime (Linux gives the
     * first change after a stat a fresh fine-grained time) and mostly the size, so a program that
     * rewrites the file between the two stats is caught here rather than credited with our ETag.
     */
    public boolean sameBytesAs(Fingerprint later) {
        return later != null && inode == later.inode && size == later.size && mtimeNanos == later.mtimeNanos;
    }

    /**
     * A stable stand-in ETag for a file whose MD5 is not known yet: hex of a digest of the
     * fingerprint, in multipart form ({@code <hex>-1}) so no client mistakes it for an MD5 of the
     * bytes. Two different files never share a fingerprint, so never share a placeholder.
     */
    public String placeholderEtag() {
        var buf = java.nio.ByteBuffer.allocate(32).putLong(size).putLong(mtimeNanos).putLong(ctimeNanos).putLong(inode);
        return Digests.hex(Digests.md5().digest(buf.array())) + "-1";
    }
}
