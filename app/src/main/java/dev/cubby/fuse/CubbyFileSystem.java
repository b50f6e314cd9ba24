package dev.cubby.fuse;

import dev.cubby.checksum.Digests;
import dev.cubby.store.Bucket;
import dev.cubby.store.LocalFiles;
import dev.cubby.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jnr.ffi.Pointer;
import jnr.ffi.types.mode_t;
import jnr.ffi.types.off_t;
import jnr.ffi.types.size_t;
import ru.serce.jnrfuse.ErrorCodes;
import ru.serce.jnrfuse.FuseFillDir;
import ru.serce.jnrfuse.FuseStubFS;
import ru.serce.jnrfuse.struct.FileStat;
import ru.serce.jnrfuse.struct.FuseFileInfo;
import ru.serce.jnrfuse.struct.Statvfs;
import ru.serce.jnrfuse.struct.Timespec;

/**
 * The tree as a POSIX filesystem: buckets are the top-level folders, keys the paths below them.
 * Reads go straight to the files; every change goes through the store's {@link LocalFiles}, so the
 * sidecar stays in step and S3 clients see the right bytes, size and ETag at once. Callbacks run
 * on libfuse's threads at once; the state they share is in thread-safe tables.
 */
final class CubbyFileSystem extends FuseStubFS {
    private static final int O_ACCMODE = 3;
    private static final int O_TRUNC = 01000;

    private final ObjectStore store;
    private final LocalFiles files;
    private final Path root;
    private final MountOptions options;
    private final AttributeReads attributeReads;
    private final ExtendedAttributes xattrs;
    private final AttributeChanges attributeChanges;
    private final OpenFiles openFiles = new OpenFiles();
    private final FolderListings listings = new FolderListings();

    CubbyFileSystem(ObjectStore store, Path root, MountOptions options) {
        this.store = store;
        this.files = store.localFiles();
        this.root = root;
        this.options = options;
        this.attributeReads = new AttributeReads(files, new FileAttributes(options), openFiles, this::locate);
        this.xattrs = new ExtendedAttributes(files, new S3Attributes(store));
        this.attributeChanges = new AttributeChanges(files, openFiles, this::locate);
    }

    /** A callback body; any failure becomes its errno in one place. */
    private interface Call {
        int run() throws Exception;
    }

    private static int call(Call body) {
        try {
            return body.run();
        } catch (Exception | LinkageError e) {
            return Errno.of(e);
        }
    }

    private int change(Call body) {
        return options.readOnly() ? -ErrorCodes.EROFS() : call(body);
    }

    /** The file or folder on disk behind a mount path (a final symlink not followed). */
    private Path locate(MountPath p) {
        if (p.isRoot()) {
            return root;
        }
        if (p.isBucket()) {
            return store.bucket(p.bucket()).dir();
        }
        return files.locateEntry(p.bucket(), p.key());
    }

    @Override
    public int getattr(String path, FileStat stat) {
        return call(() -> attributeReads.getattr(path, stat));
    }

    @Override
    public int fgetattr(String path, FileStat stat, FuseFileInfo fi) {
        return call(() -> attributeReads.fgetattr(path, stat, openFiles.get(fi.fh.get())));
    }

    @Override
    public int opendir(String path, FuseFileInfo fi) {
        return call(() -> {
            MountPath p = MountPath.parse(path);
            long handle = p.isRoot() ? listings.open(store.listBuckets().stream().map(Bucket::name).toList())
                    : p.isBucket() ? listings.open(locate(p)) : listings.open(files.folderNames(p.bucket(), p.key()));
            fi.fh.set(handle);
            return 0;
        });
    }

    @Override
    public int readdir(String path, Pointer buf, FuseFillDir filter, @off_t long offset, FuseFileInfo fi) {
        List<String> names = listings.names(fi.fh.get());
        if (names == null) {
            return -ErrorCodes.EBADF();
        }
        for (int i = (int) offset; i < names.size(); i++) {
            if (filter.apply(buf, names.get(i), null, i + 1) != 0) {
                break;
            }
        }
        return 0;
    }

    @Override
    public int releasedir(String path, FuseFileInfo fi) {
        listings.close(fi.fh.get());
        return 0;
    }

    @Override
    public int open(String path, FuseFileInfo fi) {
        return call(() -> {
            MountPath p = MountPath.parse(path);
            if (!p.isEntry()) {
                return -ErrorCodes.EISDIR();
            }
            int flags = fi.flags.get();
            OpenFile file;
            if ((flags & O_ACCMODE) == 0) {
                file = new ReadHandle(files.openForReading(p.bucket(), p.key()));
            } else if (options.readOnly()) {
                return -ErrorCodes.EROFS();
            } else if ((flags & O_TRUNC) != 0) {
                file = WriteHandle.empty(files, p.bucket(), p.key(), files.locate(p.bucket(), p.key()), true);
            } else {
                file = WriteHandle.editing(files, p.bucket(), p.key());
            }
            fi.fh.set(openFiles.add(path, file));
            return 0;
        });
    }

    @Override
    public int create(String path, @mode_t long mode, FuseFileInfo fi) {
        return change(() -> {
            MountPath p = MountPath.parse(path);
            if (!p.isEntry()) {
                return -ErrorCodes.EINVAL();
            }
            files.locateEntry(p.bucket(), p.key());
            // The new file exists (empty) at once, as create(2) promises; its bytes follow at close.
            Path staged = files.newStagingFile(p.bucket());
            Files.createFile(staged);
            Ownership.set(staged, (int) mode, (int) getContext().uid.get(), (int) getContext().gid.get());
            files.publish(p.bucket(), p.key(), staged, Digests.EMPTY_MD5_HEX);
            Path published = files.locate(p.bucket(), p.key());
            fi.fh.set(openFiles.add(path, WriteHandle.empty(files, p.bucket(), p.key(), published, false)));
            return 0;
        });
    }

    @Override
    public int read(String path, Pointer buf, @size_t long size, @off_t long offset, FuseFileInfo fi) {
        return call(() -> {
            OpenFile file = openFiles.get(fi.fh.get());
            return file == null ? -ErrorCodes.EBADF() : file.read(buf, size, offset);
        });
    }

    @Override
    public int write(String path, Pointer buf, @size_t long size, @off_t long offset, FuseFileInfo fi) {
        return change(() -> openFiles.get(fi.fh.get()) instanceof WriteHandle writer
                ? writer.write(buf, size, offset) : -ErrorCodes.EBADF());
    }

    @Override
    public int flush(String path, FuseFileInfo fi) {
        return call(() -> {
            if (openFiles.get(fi.fh.get()) instanceof WriteHandle writer) {
                writer.publish();
            }
            return 0;
        });
    }

    @Override
    public int fsync(String path, int isdatasync, FuseFileInfo fi) {
        return flush(path, fi);
    }

    @Override
    public int release(String path, FuseFileInfo fi) {
        return call(() -> {
            openFiles.close(fi.fh.get());
            return 0;
        });
    }

    @Override
    public int truncate(String path, @off_t long size) {
        return change(() -> {
            WriteHandle writer = openFiles.writer(path);
            if (writer != null) {
                writer.truncate(size);
                return 0;
            }
            MountPath p = MountPath.parse(path);
            if (!p.isEntry()) {
                return -ErrorCodes.EISDIR();
            }
            Path current = files.locate(p.bucket(), p.key());
            WriteHandle once = size == 0 ? WriteHandle.empty(files, p.bucket(), p.key(), current, true)
                    : WriteHandle.editing(files, p.bucket(), p.key());
            try {
                once.truncate(size);
            } finally {
                once.close();
            }
            return 0;
        });
    }

    @Override
    public int ftruncate(String path, @off_t long size, FuseFileInfo fi) {
        return change(() -> {
            if (openFiles.get(fi.fh.get()) instanceof WriteHandle writer) {
                writer.truncate(size);
                return 0;
            }
            return truncate(path, size);
        });
    }

    @Override
    public int unlink(String path) {
        return change(() -> {
            MountPath p = MountPath.parse(path);
            if (!p.isEntry()) {
                return -ErrorCodes.EISDIR();
            }
            files.remove(p.bucket(), p.key());
            openFiles.removed(path);
            return 0;
        });
    }

    @Override
    public int mkdir(String path, @mode_t long mode) {
        return change(() -> {
            MountPath p = MountPath.parse(path);
            Path made;
            if (p.isBucket()) {
                made = store.createBucket(p.bucket()).dir();
            } else if (p.isEntry()) {
                files.createFolder(p.bucket(), p.key());
                made = files.locateEntry(p.bucket(), p.key());
            } else {
                return -ErrorCodes.EEXIST();
            }
            Ownership.set(made, (int) mode, (int) getContext().uid.get(), (int) getContext().gid.get());
            return 0;
        });
    }

    @Override
    public int rmdir(String path) {
        return change(() -> {
            MountPath p = MountPath.parse(path);
            if (p.isBucket()) {
                store.deleteBucket(p.bucket());
            } else if (p.isEntry()) {
                files.removeFolder(p.bucket(), p.key());
            } else {
                return -ErrorCodes.EBUSY();
            }
            return 0;
        });
    }

    @Override
    public int rename(String oldpath, String newpath) {
        return change(() -> {
            MountPath from = MountPath.parse(oldpath);
            MountPath to = MountPath.parse(newpath);
            if (!from.isEntry() || !to.isEntry()) {
                // A bucket is renamed on disk, where its metadata can be moved by hand; not here.
                return -ErrorCodes.EPERM();
            }
            files.move(from.bucket(), from.key(), to.bucket(), to.key());
            openFiles.renamed(oldpath, newpath, to.bucket(), to.key());
            return 0;
        });
    }

    @Override
    public int symlink(String target, String linkpath) {
        return change(() -> {
            MountPath p = MountPath.parse(linkpath);
            if (!p.isEntry()) {
                return -ErrorCodes.EINVAL();
            }
            files.createSymlink(p.bucket(), p.key(), target);
            return 0;
        });
    }

    @Override
    public int readlink(String path, Pointer buf, @size_t long size) {
        return call(() -> {
            MountPath p = MountPath.parse(path);
            byte[] target = (p.isRoot() || p.isBucket() ? Files.readSymbolicLink(locate(p))
                    : files.withEntry(p.bucket(), p.key(), Files::readSymbolicLink)).toString()
                    .getBytes(StandardCharsets.UTF_8);
            int n = (int) Math.min(target.length, size - 1);
            buf.put(0, target, 0, n);
            buf.putByte(n, (byte) 0);
            return 0;
        });
    }

    @Override
    public int chmod(String path, @mode_t long mode) {
        return change(() -> attributeChanges.chmod(path, mode));
    }

    @Override
    public int chown(String path, long uid, long gid) {
        return change(() -> attributeChanges.chown(path, uid, gid));
    }

    @Override
    public int utimens(String path, Timespec[] timespec) {
        return change(() -> attributeChanges.utimens(path, timespec));
    }

    @Override
    public int statfs(String path, Statvfs stat) {
        return call(() -> {
            FileAttributes.fillFilesystem(root, stat);
            return 0;
        });
    }

    @Override
    public int getxattr(String path, String name, Pointer value, @size_t long size) {
        return call(() -> xattrs.get(MountPath.parse(path), name, value, size));
    }

    @Override
    public int listxattr(String path, Pointer list, @size_t long size) {
        return call(() -> xattrs.list(MountPath.parse(path), list, size));
    }

    @Override
    public int setxattr(String path, String name, Pointer value, @size_t long size, int flags) {
        return change(() -> xattrs.set(MountPath.parse(path), name, value, size));
    }

    @Override
    public int removexattr(String path, String name) {
        return change(() -> xattrs.remove(MountPath.parse(path), name));
    }

    @Override
    public int access(String path, int mask) {
        return 0;
    }

    /**
     * Publishes and closes every file still open, before an unmount: a lazy unmount (a program
     * still holds a file) would otherwise end the process before those files are released.
     */
    void closeOpenFiles() {
        openFiles.closeAll();
    }

    @Override
    public void destroy(Pointer initResult) {
        openFiles.closeAll();
    }
}
