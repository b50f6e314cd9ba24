package dev.cubby.fuse;

import dev.cubby.checksum.Digests;
import dev.cubby.store.LocalFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
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
    // Read without the handle's lock: a long copy must not hold up an unlink or rename elsewhere.
    private volatile Name name;
    private Path copy;
    private FileChannel channel;
    private FileChannel original;
    private Ownership.Owner originalOwnership;
    /** The size of the published file the copy will replace: what a quota credits it with. */
    private long replaces;
    private MessageDigest md5 = Digests.md5();
    private long hashed;
    private boolean sequential;
    private boolean dirty;
    private volatile boolean discarded;

    private WriteHandle(LocalFiles files, String bucket, String key) {
        this.files = files;
        this.name = new Name(bucket, key);
    }

    /**
     * Opened without truncation: the current file is held open, and copied at the first change.
     * Holding it keeps those bytes even when the file is renamed, replaced or deleted meanwhile,
     * as an open file descriptor would.
     */
    static WriteHandle editing(LocalFiles files, String bucket, String key) throws IOException {
        var handle = new WriteHandle(files, bucket, key);
        handle.original = files.openForReading(bucket, key);
        handle.originalOwnership = Ownership.of(files.locate(bucket, key));
        return handle;
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
        handle.replaces = Files.size(attributesFrom);
        handle.sequential = true;
        handle.dirty = changed;
        return handle;
    }

    /** Where the handle publishes: its key, which a rename through the mount moves. */
    record Name(String bucket, String key) {
    }

    Name name() {
        return name;
    }

    /** The private copy while there is one: what getattr shows of a file being written. */
    synchronized Path copy() {
        return copy;
    }

    /** The private copy, made now if there is none yet: for stat when the file is gone from its name. */
    synchronized Path privateCopy() throws IOException {
        materialize();
        return copy;
    }

    synchronized int write(Pointer buffer, long size, long offset) throws IOException {
        materialize();
        requireRoomFor(offset + size);
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
        requireRoomFor(size);
        if (size < current) {
            channel.truncate(size);
        } else if (size > current) {
            channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
        }
        if (size == 0) {
            md5 = Digests.md5();
            hashed = 0;
            sequential = true;
        } else if (size < hashed) {
            sequential = false;
        }
        dirty = true;
    }

    @Override
    public synchronized int read(Pointer buffer, long size, long offset) throws IOException {
        if (channel == null && original == null) {
            materializeOriginal();
        }
        return OpenFile.read(channel != null ? channel : original, buffer, size, offset);
    }

    /** Makes the copy the file at the key, if it changed since the last publish. */
    synchronized void publish() throws IOException {
        if (!dirty || discarded) {
            return;
        }
        if (!stillThere()) {
            // Removed or renamed away by another door while open: as with an unlinked file's
            // descriptor, what was written is not brought back under the old name.
            discard();
            return;
        }
        channel.force(true);
        String etag = sequential && hashed == channel.size() ? Digests.hexSoFar(md5) : null;
        FileChannel published = channel;
        channel = null;
        try {
            Ownership.Owner owner = Ownership.of(copy);
            Name at = name;
            files.publish(at.bucket(), at.key(), copy, etag);
            // The published file is this copy's inode: later reads and the next change start from it.
            original = published;
            originalOwnership = owner;
            published = null;
        } finally {
            if (published != null) {
                published.close();
            }
            Files.deleteIfExists(copy);
            copy = null;
            dirty = false;
        }
    }

    /**
     * A chmod, chown or utimens of the file while it is open here, already made on the published
     * file: the private copy gets it too, or publishing the copy would undo it ({@code cp -p}
     * sets mode and times before it closes). A copy not yet made takes mode and owner from
     * {@code published} as it is now.
     */
    synchronized void attributesChanged(Path published, LocalFiles.AttributeChange change) throws IOException {
        if (copy != null) {
            change.applyTo(copy);
        } else if (original != null) {
            originalOwnership = Ownership.of(published);
        }
    }

    /** The file was renamed through the mount while open: later publishes go to the new name. */
    void renamed(String newBucket, String newKey) {
        name = new Name(newBucket, newKey);
    }

    /** The file was removed through the mount while open: what is written after is never published. */
    void discard() {
        discarded = true;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            publish();
        } finally {
            if (original != null) {
                original.close();
                original = null;
            }
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
        if (original == null) {
            materializeOriginal();
        }
        Path fresh = files.newStagingFile(name.bucket());
        channel = FileChannel.open(fresh, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE_NEW);
        copy = fresh;
        Ownership.set(fresh, originalOwnership);
        long size = original.size();
        replaces = size;
        for (long done = 0, n; done < size; done += n) {
            n = original.transferTo(done, size - done, channel);
            if (n <= 0) {
                break; // the file shrank meanwhile (rewritten in place by another door): copy what there is
            }
        }
        original.close();
        original = null;
        // The copied bytes were not hashed here.
        sequential = false;
    }

    /** A quota'd bucket refuses growth past its quota here, as write(2) on a filesystem with quotas does. */
    private void requireRoomFor(long end) throws IOException {
        if (end > channel.size()) {
            files.requireRoom(name.bucket(), end, replaces);
        }
    }

    private boolean stillThere() {
        try {
            Name at = name;
            return Files.exists(files.locateEntry(at.bucket(), at.key()), java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (dev.cubby.store.StoreException bucketGone) {
            return false;
        }
    }

    /** Holds the file now at the key (a handle whose publish failed has nothing else to start from). */
    private void materializeOriginal() throws IOException {
        original = files.openForReading(name.bucket(), name.key());
        originalOwnership = Ownership.of(files.locate(name.bucket(), name.key()));
    }
}
