package dev.cubby.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * THE place where a key becomes something on disk, and the guarantee that it stays inside its
 * bucket even while a local user (Samba, the shell) renames folders or swaps one for a symlink.
 *
 * <p>Nothing is checked by name and then used by name again. The bucket's folder is opened, and
 * from it the key's parent folder with {@code openat2(RESOLVE_BENEATH)}: the kernel refuses (EXDEV)
 * any component, symlinks included, that would leave the bucket, during the one resolution that
 * opens it. Links that stay inside are followed as before. The final name is then used relative to
 * that open folder ({@link #entry()}, for unlink, rename onto, mkdir, link, lstat), and a file is
 * read or statted through its own open descriptor ({@link #opened()}), so what is checked is the
 * inode that is used. How a relative path is opened below the bucket's folder ({@code openat2},
 * or on kernels before 5.6 a walk that refuses every symlink) is {@link Beneath}'s.
 *
 * <p>A key that leads through a link out of the bucket, to nowhere (dangling) or round in a loop
 * is refused with OUTSIDE_BUCKET. Holds descriptors: use in try-with-resources, for one operation.
 */
final class ResolvedPath implements AutoCloseable {
    private final Bucket bucket;
    private final List<String> segments;
    private final OpenFolder bucketFolder;
    private final Beneath beneath;
    private OpenFolder parent;
    private int target = -1;

    private ResolvedPath(Bucket bucket, List<String> segments, OpenFolder bucketFolder) {
        this.bucket = bucket;
        this.segments = segments;
        this.bucketFolder = bucketFolder;
        this.beneath = new Beneath(bucket, bucketFolder);
    }

    /**
     * Opens the key's parent folder (when it exists) and looks at the key's final name; refused
     * (OUTSIDE_BUCKET) when a symlink on the way or at the end cannot be followed inside the bucket.
     */
    static ResolvedPath of(Bucket bucket, ObjectKey key) {
        return of(bucket, key.segments());
    }

    static ResolvedPath of(Bucket bucket, List<String> segments) {
        return open(bucket, segments, true);
    }

    /**
     * Opens only the key's parent folder, for work on the final name itself (lstat, unlink,
     * rename, readlink through the mount), which may be a link that leads anywhere.
     */
    static ResolvedPath entryOf(Bucket bucket, ObjectKey key) {
        return open(bucket, key.segments(), false);
    }

    private static ResolvedPath open(Bucket bucket, List<String> segments, boolean lookAtName) {
        var at = new ResolvedPath(bucket, List.copyOf(segments), OpenFolder.ofBucket(bucket));
        try {
            at.parent = at.folder(segments.size() - 1);
            if (lookAtName) {
                at.state();
            }
            return at;
        } catch (RuntimeException e) {
            at.close();
            throw e;
        }
    }

    /** The final name's state, links followed inside the bucket; MISSING when there is nothing there. */
    FileState state() {
        closeTarget();
        if (parent == null) {
            return FileState.MISSING;
        }
        String name = segments.getLast();
        int fd;
        if (Beneath.openat2Supported) {
            fd = Posix.openBeneath(parent.fd(), name, Posix.O_PATH, false);
            if (fd == -Posix.EXDEV) {
                // A link that climbs above its folder: it may still land inside the bucket.
                fd = beneath.open(segments, Posix.O_PATH);
            }
        } else {
            fd = Posix.openAt(parent.fd(), name, Posix.O_RDONLY | Posix.O_NONBLOCK | Posix.O_NOFOLLOW);
        }
        if (fd >= 0) {
            target = fd;
            return FileState.of(opened());
        }
        if (refused(-fd) || -fd == Posix.ENOENT && entryState().kind() == FileState.Kind.SYMLINK) {
            throw outside();
        }
        if (-fd == Posix.ENOENT || -fd == Posix.ENOTDIR) {
            return FileState.MISSING;
        }
        if (!Beneath.openat2Supported) {
            return entryState(); // a socket or device: the walk could not open it, and need not
        }
        throw failure(-fd, String.join("/", segments));
    }

    /** The file, folder or other thing the last {@link #state()} found, through its own descriptor. */
    Path opened() {
        if (target < 0) {
            throw new IllegalStateException("nothing opened");
        }
        return Path.of("/proc/self/fd/" + target);
    }

    /** The folder the key names (links inside followed), opened for listing; null when it is not a folder. */
    OpenFolder openAsFolder() {
        int fd = parent == null ? -Posix.ENOENT : beneath.open(segments, Posix.O_RDONLY | Posix.O_DIRECTORY);
        if (fd >= 0) {
            return OpenFolder.of(fd);
        }
        if (refused(-fd)) {
            throw outside();
        }
        return null;
    }

    /** The final name as a folder opened in its parent, never through a link; null when it is not one. */
    OpenFolder openEntryFolder() {
        return requireParent().child(segments.getLast());
    }

    /** The final name inside its opened parent, not followed (lstat, unlink, rename onto, mkdir, link). */
    Path entry() {
        return requireParent().entry(segments.getLast());
    }

    /** The opened parent folder itself (to fsync it after a change of its entries). */
    Path parent() {
        return requireParent().path();
    }

    boolean parentExists() {
        return parent != null;
    }

    /** The final name's own state (a link is a SYMLINK); MISSING when its folder is missing. */
    FileState entryState() {
        return parent == null ? FileState.MISSING : FileState.of(entry(), LinkOption.NOFOLLOW_LINKS);
    }

    /** Makes one missing folder: {@code name} in the open folder {@code in}, the {@code depth}-th segment. */
    @FunctionalInterface
    interface FolderMaker {
        void make(OpenFolder in, String name, int depth) throws IOException;
    }

    /**
     * Opens the folders above the final name one at a time, from the bucket's folder, calling
     * {@code maker} for each one that is missing; afterwards {@link #entry()} names the final
     * name in the innermost. A folder removed again before it could be opened is a NoSuchFileException.
     */
    void openParents(FolderMaker maker) throws IOException {
        closeTarget();
        closeParent();
        OpenFolder current = bucketFolder;
        try {
            for (int depth = 1; depth < segments.size(); depth++) {
                OpenFolder next = folder(depth);
                if (next == null) {
                    maker.make(current, segments.get(depth - 1), depth);
                    next = folder(depth);
                    if (next == null) {
                        throw new NoSuchFileException(String.join("/", segments.subList(0, depth)));
                    }
                }
                if (current != bucketFolder) {
                    current.close();
                }
                current = next;
            }
        } catch (IOException | RuntimeException e) {
            if (current != bucketFolder) {
                current.close();
            }
            throw e;
        }
        parent = current;
    }

    /**
     * The folder the first {@code depth} segments name, opened from the bucket's folder; null when
     * it is missing or not a folder; refused when a link on the way cannot be followed inside.
     */
    private OpenFolder folder(int depth) {
        if (depth == 0) {
            return bucketFolder;
        }
        int fd = beneath.open(segments.subList(0, depth), Posix.O_RDONLY | Posix.O_DIRECTORY);
        if (fd >= 0) {
            return OpenFolder.of(fd);
        }
        if (refused(-fd) || -fd == Posix.ENOENT && danglingLinkWithin(depth)) {
            throw outside();
        }
        if (-fd == Posix.ENOENT || -fd == Posix.ENOTDIR) {
            return null;
        }
        throw failure(-fd, String.join("/", segments.subList(0, depth)));
    }


    /** After ENOENT: whether a component of the first {@code depth} is a link to nothing. */
    private boolean danglingLinkWithin(int depth) {
        for (int i = 1; i <= depth; i++) {
            int fd = beneath.open(segments.subList(0, i), Posix.O_PATH);
            if (fd >= 0) {
                Posix.close(fd);
                continue;
            }
            OpenFolder above = i == 1 ? bucketFolder : folder(i - 1);
            if (above == null) {
                return false;
            }
            try {
                return FileState.of(above.entry(segments.get(i - 1)), LinkOption.NOFOLLOW_LINKS).kind()
                        == FileState.Kind.SYMLINK;
            } finally {
                if (above != bucketFolder) {
                    above.close();
                }
            }
        }
        return false;
    }

    /** EXDEV: out of the bucket; ELOOP: a loop, or (in the fallback walk) any link. */
    private static boolean refused(int errno) {
        return errno == Posix.EXDEV || errno == Posix.ELOOP;
    }

    private OpenFolder requireParent() {
        if (parent == null) {
            throw new UncheckedIOException(new NoSuchFileException(String.join("/", segments)));
        }
        return parent;
    }

    private StoreException outside() {
        return new StoreException(StoreException.Reason.OUTSIDE_BUCKET, "The key leads through a symbolic link "
                + "that leaves the bucket '" + bucket.name() + "', leads nowhere or loops; Cubby follows links only "
                + "to what lies inside the bucket.");
    }

    private UncheckedIOException failure(int errno, String relative) {
        return new UncheckedIOException(new FileSystemException(bucket.dir().resolve(relative).toString(), null,
                "errno " + errno));
    }

    private void closeTarget() {
        Posix.close(target);
        target = -1;
    }

    private void closeParent() {
        if (parent != null && parent != bucketFolder) {
            parent.close();
        }
        parent = null;
    }

    @Override
    public void close() {
        closeTarget();
        closeParent();
        bucketFolder.close();
    }
}
