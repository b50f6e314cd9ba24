package dev.cubby.fuse;

import dev.cubby.store.LocalFiles;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import ru.serce.jnrfuse.struct.Timespec;

/**
 * chmod, chown and utimens through the mount: on a bucket (or the root) as it is, on a key
 * through the store (its ETag stays known), and on the private copy of each writer of the file,
 * which would otherwise undo the change when it is published.
 */
final class AttributeChanges {
    private static final long UTIME_NOW = (1L << 30) - 1;
    private static final long UTIME_OMIT = (1L << 30) - 2;
    private static final long UNCHANGED_ID = 0xFFFFFFFFL;

    private final LocalFiles files;
    private final OpenFiles openFiles;
    /** The folder on disk behind the root or a bucket. */
    private final Function<MountPath, Path> folderOf;

    AttributeChanges(LocalFiles files, OpenFiles openFiles, Function<MountPath, Path> folderOf) {
        this.files = files;
        this.openFiles = openFiles;
        this.folderOf = folderOf;
    }

    int chmod(String path, long mode) throws Exception {
        // The kernel resolves symlinks before a chmod, so this never meets one.
        return apply(path, file -> Files.setAttribute(file, "unix:mode", (int) mode & 07777), false);
    }

    int chown(String path, long uid, long gid) throws Exception {
        return apply(path, file -> {
            if (uid != UNCHANGED_ID && uid != -1) {
                Files.setAttribute(file, "unix:uid", (int) uid, LinkOption.NOFOLLOW_LINKS);
            }
            if (gid != UNCHANGED_ID && gid != -1) {
                Files.setAttribute(file, "unix:gid", (int) gid, LinkOption.NOFOLLOW_LINKS);
            }
        }, false);
    }

    int utimens(String path, Timespec[] timespec) throws Exception {
        FileTime atime = time(timespec[0]);
        FileTime mtime = time(timespec[1]);
        LocalFiles.AttributeChange setTimes = file -> Files.getFileAttributeView(file,
                BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setTimes(mtime, atime, null);
        return apply(path, setTimes, mtime != null);
    }

    private int apply(String path, LocalFiles.AttributeChange change, boolean movesMtime) throws Exception {
        MountPath p = MountPath.parse(path);
        if (!p.isEntry()) {
            change.applyTo(folderOf.apply(p));
            return 0;
        }
        if (movesMtime) {
            files.changeTimes(p.bucket(), p.key(), change);
        } else {
            files.changeAttributes(p.bucket(), p.key(), change);
        }
        for (WriteHandle writer : openFiles.writers(path)) {
            writer.attributesChanged(files.locateEntry(p.bucket(), p.key()), change);
        }
        return 0;
    }

    private static FileTime time(Timespec spec) {
        long nanos = spec.tv_nsec.longValue();
        if (nanos == UTIME_OMIT) {
            return null;
        }
        if (nanos == UTIME_NOW) {
            return FileTime.from(java.time.Instant.now());
        }
        return FileTime.from(spec.tv_sec.get() * 1_000_000_000L + nanos, TimeUnit.NANOSECONDS);
    }
}
