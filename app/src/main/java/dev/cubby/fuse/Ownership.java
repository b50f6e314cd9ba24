package dev.cubby.fuse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Who owns a file made through the mount. The mount usually runs as root, so without this every
 * file a user writes would become root's: a new file gets the caller's uid and gid, a rewritten
 * one keeps its owner and mode.
 */
final class Ownership {
    private Ownership() {
    }

    /** A file's permission bits, owner and group. */
    record Owner(int mode, int uid, int gid) {
    }

    static Owner of(Path path) throws IOException {
        var a = Files.readAttributes(path, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        return new Owner((Integer) a.get("mode") & 07777, (Integer) a.get("uid"), (Integer) a.get("gid"));
    }

    /** Mode, owner and group of {@code from} onto {@code to}. */
    static void copy(Path from, Path to) throws IOException {
        set(to, of(from));
    }

    static void set(Path path, Owner owner) throws IOException {
        set(path, owner.mode(), owner.uid(), owner.gid());
    }

    /** Mode and owner of a new file; the owner only when this process may give files away (root). */
    static void set(Path path, int mode, int uid, int gid) throws IOException {
        Files.setAttribute(path, "unix:mode", mode & 07777, LinkOption.NOFOLLOW_LINKS);
        try {
            if ((Integer) Files.getAttribute(path, "unix:uid") != uid) {
                Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            }
            if ((Integer) Files.getAttribute(path, "unix:gid") != gid) {
                Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (java.nio.file.FileSystemException notPermitted) {
            // an unprivileged mount keeps files as its own user's, as any other program would
        }
    }
}
