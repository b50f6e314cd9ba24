package dev.cubby.fuse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import ru.serce.jnrfuse.struct.FileStat;
import ru.serce.jnrfuse.struct.Statvfs;
import ru.serce.jnrfuse.struct.Timespec;

/** One {@code lstat} of a file on disk, as the mount shows it (owner and mode as the options say). */
final class FileAttributes {
    private static final String ATTRIBUTES = "unix:mode,ino,dev,rdev,nlink,uid,gid,size,lastAccessTime,"
            + "lastModifiedTime,ctime";

    private final MountOptions options;

    FileAttributes(MountOptions options) {
        this.options = options;
    }

    /** Fills {@code stat} from the path (never following a final symlink). */
    void fill(Path path, FileStat stat) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        if (options.umask() != null) {
            mode &= ~options.umask() | FileStat.S_IFMT;
        }
        stat.st_mode.set(mode);
        stat.st_ino.set((Long) a.get("ino"));
        stat.st_nlink.set((Integer) a.get("nlink"));
        stat.st_uid.set(options.uid() != null ? options.uid() : (Integer) a.get("uid"));
        stat.st_gid.set(options.gid() != null ? options.gid() : (Integer) a.get("gid"));
        stat.st_rdev.set((Long) a.get("rdev"));
        long size = (Long) a.get("size");
        stat.st_size.set(size);
        stat.st_blksize.set(4096);
        stat.st_blocks.set((size + 511) / 512);
        set(stat.st_atim, (FileTime) a.get("lastAccessTime"));
        set(stat.st_mtim, (FileTime) a.get("lastModifiedTime"));
        set(stat.st_ctim, (FileTime) a.get("ctime"));
    }

    /** A file someone is writing through the mount: its size and times are those of the private copy. */
    void overlayWriter(Path copy, FileStat stat) throws IOException {
        Map<String, Object> a = Files.readAttributes(copy, "unix:size,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
        long size = (Long) a.get("size");
        stat.st_size.set(size);
        stat.st_blocks.set((size + 511) / 512);
        set(stat.st_mtim, (FileTime) a.get("lastModifiedTime"));
    }

    private static void set(Timespec spec, FileTime time) {
        long nanos = time.to(TimeUnit.NANOSECONDS);
        spec.tv_sec.set(Math.floorDiv(nanos, 1_000_000_000L));
        spec.tv_nsec.set(Math.floorMod(nanos, 1_000_000_000L));
    }

    /** statfs: the served tree's filesystem, in 4 KiB blocks. */
    static void fillFilesystem(Path root, Statvfs stat) throws IOException {
        java.nio.file.FileStore fs = java.nio.file.Files.getFileStore(root);
        long block = 4096;
        stat.f_bsize.set(block);
        stat.f_frsize.set(block);
        stat.f_blocks.set(fs.getTotalSpace() / block);
        stat.f_bfree.set(fs.getUnallocatedSpace() / block);
        stat.f_bavail.set(fs.getUsableSpace() / block);
        stat.f_namemax.set(255);
    }
}
