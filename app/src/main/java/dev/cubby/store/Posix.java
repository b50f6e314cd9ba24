package dev.cubby.store;

import java.nio.charset.Charset;
import java.util.Arrays;
import jnr.constants.platform.Errno;
import jnr.constants.platform.OpenFlags;
import jnr.ffi.LibraryLoader;
import jnr.ffi.annotations.In;

/**
 * The few Linux calls that resolve a name relative to an open folder, which the JDK does not
 * offer: {@code openat2(2)} (Linux 5.6+, called through {@code syscall(2)} as glibc has no
 * wrapper), {@code openat(2)} and {@code close(2)}. Calls return the new descriptor, or the
 * negated errno. Only {@link Beneath}, {@link ResolvedPath} and {@link OpenFolder} use this class.
 */
final class Posix {
    static final int O_RDONLY = OpenFlags.O_RDONLY.intValue();
    static final int O_DIRECTORY = OpenFlags.O_DIRECTORY.intValue();
    static final int O_NOFOLLOW = OpenFlags.O_NOFOLLOW.intValue();
    static final int O_NONBLOCK = OpenFlags.O_NONBLOCK.intValue();
    static final int O_CLOEXEC = OpenFlags.O_CLOEXEC.intValue();
    /** Not in jnr-constants; the same value on x86-64 and arm64 (asm-generic). */
    static final int O_PATH = 010000000;

    static final int ENOENT = Errno.ENOENT.intValue();
    static final int ENOTDIR = Errno.ENOTDIR.intValue();
    static final int EXDEV = Errno.EXDEV.intValue();
    static final int ELOOP = Errno.ELOOP.intValue();
    static final int ENOSYS = Errno.ENOSYS.intValue();
    static final int EAGAIN = Errno.EAGAIN.intValue();
    static final int EINTR = Errno.EINTR.intValue();

    private static final int AT_FDCWD = -100;
    /** The same number on every Linux architecture: syscalls from 403 on share one table. */
    private static final long SYS_OPENAT2 = 437;
    private static final long RESOLVE_NO_MAGICLINKS = 0x02;
    private static final long RESOLVE_NO_SYMLINKS = 0x04;
    private static final long RESOLVE_BENEATH = 0x08;
    /** How NIO encodes file names, so a name reaches the kernel as the JDK's own calls would send it. */
    private static final Charset NAMES = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));

    /** jnr-ffi binds this at run time; public so that its generated class may implement it. */
    public interface LibC {
        long syscall(long number, int dirfd, @In byte[] path, @In long[] how, long size);

        int openat(int dirfd, @In byte[] path, int flags, int mode);

        int close(int fd);
    }

    /*
     * jnr-ffi keeps errno per native (carrier) thread. Each call below reads it right after the
     * call with nothing that blocks in between, so a virtual thread cannot move to another
     * carrier before it is read.
     */
    private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
    private static final jnr.ffi.Runtime RUNTIME = jnr.ffi.Runtime.getRuntime(LIBC);

    private Posix() {
    }

    /**
     * {@code openat2(dirfd, path, flags, RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS)}: every
     * component, symlinks included, must resolve below {@code dirfd}, else EXDEV; checked by the
     * kernel during the one resolution that opens, so nothing can be swapped in between. With
     * {@code noSymlinks}, any symlink on the way fails it (ELOOP).
     */
    static int openBeneath(int dirfd, String path, int flags, boolean noSymlinks) {
        long[] how = {flags | O_CLOEXEC, 0, RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS
                | (noSymlinks ? RESOLVE_NO_SYMLINKS : 0)};
        byte[] name = cString(path);
        for (int attempt = 0; ; attempt++) {
            int fd = (int) LIBC.syscall(SYS_OPENAT2, dirfd, name, how, how.length * Long.BYTES);
            if (fd >= 0) {
                return fd;
            }
            int errno = RUNTIME.getLastError();
            // EAGAIN: a rename elsewhere raced the resolution; the kernel asks to try again.
            if (!(errno == EINTR || errno == EAGAIN && attempt < 16)) {
                return -errno;
            }
        }
    }

    /** {@code openat(dirfd, path, flags)}; {@code dirfd} may be null for an absolute path. */
    static int openAt(Integer dirfd, String path, int flags) {
        byte[] name = cString(path);
        while (true) {
            int fd = LIBC.openat(dirfd == null ? AT_FDCWD : dirfd, name, flags | O_CLOEXEC, 0);
            if (fd >= 0) {
                return fd;
            }
            int errno = RUNTIME.getLastError();
            if (errno != EINTR) {
                return -errno;
            }
        }
    }

    static void close(int fd) {
        if (fd >= 0) {
            LIBC.close(fd);
        }
    }

    private static byte[] cString(String path) {
        byte[] bytes = path.getBytes(NAMES);
        return Arrays.copyOf(bytes, bytes.length + 1);
    }
}
