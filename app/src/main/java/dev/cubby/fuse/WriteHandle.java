package dev.cubby.fuse;

import dev.cubby.store.LocalFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import jnr.ffi.Pointer;

/**
 * A file opened for writing through the mount. Writes go to a private copy in the bucket's
 * staging folder, never to the published file, so an S3 reader sees the old bytes or the new
 * ones, never a mix. The copy is published by one rename on flush, fsync and the last close.
 *
 * <p>While the writes run sequentially from offset 0, their MD5 is computed on the way, and a
 * copy that the writes cover whole is published with that MD5 as its ETag; any other pattern
 * (a seek back, a hole, a copy of existing bytes) publishes it as stale, and the store works the
 * ETag out from the file when it is next needed. An existing file opened without truncation is
 * copied only at the first change, so opening read-write just to read costs nothing.
 */
final class WriteHandle implements OpenFile {
    private final LocalFiles files;
    private String bucket;
    private String key;
    private Path copy;
    private FileChannel channel;
    private MessageDigest md5 = newMd5();
    private long hashed;
    private boolean sequential;
    private boolean dirty;
    private boolean discarded;

    private WriteHandle(LocalFiles files, String bucket, String key) {
        this.files = files;
        this.bucket = bucket;
        this.key = key;
    }

    /** Opened without truncation: a copy of the current file is made at the first change. */
    static WriteHandle editing(LocalFiles files, String bucket, String key) {
        return new WriteHandle(files, bucket, key);
    }

    /**
     * Starts from an empty copy with the permissions and owner of {@code attributesFrom} (the
     * file it replaces, or a file just created); {@code changed} says whether publishing it is a
     * change even without a write (an {@code O_TRUNC} open is; a fresh create already published).
     */
    static WriteHandle empty(LocalFiles files, String bucket, String key, Path attributesFrom, boolean changed)
            throws IOException {
        var handle = new WriteHandle(files, bucket, key);
        Path copy = files.newStagingFile(bucket);
        handle.channel = FileChannel.open(copy, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE_NEW);
        handle.copy = copy;
        Ownership.copy(attributesFrom, copy);
        handle.sequential = true;
        handle.dirty = changed;
        return handle;
    }

    synchronized String bucket() {
        return bucket;
    }

    synchronized String key() {
        return key;
    }

    /** The private copy while there is one: what getattr shows of a file being written. */
    synchronized Path copy() {
        return copy;
    }

    synchronized int write(Pointer buffer, long size, long offset) throws IOException {
        materialize();
        byte[] bytes = new byte[(int) size];
        buffer.get(0, bytes, 0, bytes.length);
        var wrapped = ByteBuffer.wrap(bytes);
        while (wrapped.hasRemaining()) {
            channel.write(wrapped, offset + wrapped.position());
        }
        if (sequential && offset == hashed) {
            md5.update(bytes);
            hashed += bytes.length;
        } else {
            sequential = false;
        }
        dirty = true;
        return bytes.length;
    }

    synchronized void truncate(long size) throws IOException {
        materialize();
        long current = channel.size();
        if (size < current) {
            channel.truncate(size);
        } else if (size > current) {
            channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
        }
        if (size == 0) {
            md5 = newMd5();
            hashed = 0;
            sequential = true;
        } else if (size < hashed) {
            sequential = false;
        }
        dirty = true;
    }

    @Override
    public synchronized int read(Pointer buffer, long size, long offset) throws IOException {
        if (channel != null) {
            return OpenFile.read(channel, buffer, size, offset);
        }
        try (var published = FileChannel.open(files.locate(bucket, key), StandardOpenOption.READ)) {
            return OpenFile.read(published, buffer, size, offset);
        }
    }

    /** Makes the copy the file at the key, if it changed since the last publish. */
    synchronized void publish() throws IOException {
        if (!dirty || discarded) {
            return;
        }
        channel.force(true);
        String etag = sequential && hashed == channel.size() ? hex(md5) : null;
        channel.close();
        channel = null;
        try {
            files.publish(bucket, key, copy, etag);
        } finally {
            Files.deleteIfExists(copy);
            copy = null;
            dirty = false;
        }
    }

    /** The file was renamed through the mount while open: later publishes go to the new name. */
    synchronized void renamed(String newBucket, String newKey) {
        bucket = newBucket;
        key = newKey;
    }

    /** The file was removed through the mount while open: what is written after is never published. */
    synchronized void discard() {
        discarded = true;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            publish();
        } finally {
            if (channel != null) {
                channel.close();
                channel = null;
            }
            if (copy != null) {
                Files.deleteIfExists(copy);
                copy = null;
            }
        }
    }

    private void materialize() throws IOException {
        if (channel != null) {
            return;
        }
        Path source = files.locate(bucket, key);
        Path fresh = files.newStagingFile(bucket);
        Files.copy(source, fresh, StandardCopyOption.COPY_ATTRIBUTES);
        copy = fresh;
        channel = FileChannel.open(fresh, StandardOpenOption.READ, StandardOpenOption.WRITE);
        // The copied bytes were not hashed here, and another program may have replaced the file since.
        sequential = false;
    }

    private static String hex(MessageDigest digest) {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's MD5 can be cloned", e);
        }
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
