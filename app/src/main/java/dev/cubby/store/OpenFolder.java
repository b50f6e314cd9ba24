package dev.cubby.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A folder held open for one operation. Names are resolved in exactly the folder that was
 * opened, through {@code /proc/self/fd/<fd>/<name>}: the kernel jumps through that magic link to
 * the opened folder, so renaming or swapping a folder above it for a symlink no longer changes
 * where a name leads. Never kept beyond one operation (a bucket may be deleted and made again).
 */
final class OpenFolder implements AutoCloseable {
    private final int fd;

    private OpenFolder(int fd) {
        this.fd = fd;
    }

    /**
     * The bucket's own folder. A bucket of the served root is a real folder there (a link is not
     * a bucket); one from the config is the folder its path names, links and all (the admin chose it).
     */
    static OpenFolder ofBucket(Bucket bucket) {
        int flags = Posix.O_RDONLY | Posix.O_DIRECTORY | (bucket.fromConfig() ? 0 : Posix.O_NOFOLLOW);
        int fd = Posix.openAt(null, bucket.dir().toAbsolutePath().toString(), flags);
        if (fd < 0) {
            IOException cause = -fd == Posix.ENOENT ? new NoSuchFileException(bucket.dir().toString())
                    : new NotDirectoryException(bucket.dir().toString());
            throw new UncheckedIOException("cannot open the folder of bucket " + bucket.name(), cause);
        }
        return new OpenFolder(fd);
    }

    /**
     * A folder of Cubby's own below {@code base} (as {@code .cubby/uploads/<id>}), opened one
     * component at a time without following any link, and made where missing when {@code create}
     * says so. The internal folder may sit inside a bucket that local users write to; a link
     * planted there is refused, so staged bytes never go, nor are read from, anywhere else.
     */
    static OpenFolder internal(Path base, Path below, boolean create) throws IOException {
        int fd = Posix.openAt(null, base.toAbsolutePath().toString(), Posix.O_RDONLY | Posix.O_DIRECTORY);
        if (fd < 0) {
            throw new NoSuchFileException(base.toString());
        }
        OpenFolder current = new OpenFolder(fd);
        try {
            for (Path name : below) {
                OpenFolder next = current.child(name.toString());
                if (next == null && create) {
                    try {
                        java.nio.file.Files.createDirectory(current.entry(name.toString()));
                    } catch (java.nio.file.FileAlreadyExistsException madeMeanwhile) {
                        // opened below, or refused there when it is not a real folder
                    }
                    next = current.child(name.toString());
                }
                if (next == null) {
                    boolean link = FileState.of(current.entry(name.toString()), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            .kind() == FileState.Kind.SYMLINK;
                    throw link ? new java.nio.file.FileSystemException(base.resolve(below).toString(), null,
                            "a symbolic link stands in Cubby's internal folder; refusing to follow it")
                            : new NoSuchFileException(base.resolve(below).toString());
                }
                current.close();
                current = next;
            }
            return current;
        } catch (IOException | RuntimeException e) {
            current.close();
            throw e;
        }
    }

    /** Takes ownership of an open folder descriptor. */
    static OpenFolder of(int fd) {
        return new OpenFolder(fd);
    }

    int fd() {
        return fd;
    }

    /** This folder, for listing it, fsyncing it, or statting it. */
    Path path() {
        return Path.of("/proc/self/fd/" + fd);
    }

    /** A name in this folder, not followed if it is a symlink (for lstat, unlink, rename onto, mkdir, link). */
    Path entry(String name) {
        return path().resolve(name);
    }

    /** The subfolder {@code name}, never through a symlink; null when it is missing, not a folder, or a link. */
    OpenFolder child(String name) {
        int child = Posix.openAt(fd, name, Posix.O_RDONLY | Posix.O_DIRECTORY | Posix.O_NOFOLLOW);
        return child < 0 ? null : new OpenFolder(child);
    }

    @Override
    public void close() {
        Posix.close(fd);
    }
}
