package dev.cubby.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens relative paths below one open bucket folder, never resolving outside it: with
 * {@code openat2(RESOLVE_BENEATH)} (Linux 5.6+), or else by a walk of {@code openat(O_NOFOLLOW)}
 * that refuses every symlink. Returns descriptors or negated errnos; EXDEV or ELOOP mean refused.
 */
final class Beneath {
    /** Whether openat2 works here; tests turn it off to run the fallback walk. */
    static volatile boolean openat2Supported = probe();

    private final Bucket bucket;
    private final OpenFolder folder;

    Beneath(Bucket bucket, OpenFolder folder) {
        this.bucket = bucket;
        this.folder = folder;
    }

    /**
     * Opens a relative path below the bucket's folder, never resolving outside it. RESOLVE_BENEATH
     * also refuses absolute links, even those that name a place inside the bucket; for those
     * (EXDEV) the links are read here to find the link-free path they lead to, which the kernel
     * then opens with RESOLVE_NO_SYMLINKS: a link swapped in meanwhile fails it, never leads out.
     */
    int open(List<String> names, int flags) {
        if (openat2Supported) {
            int fd = Posix.openBeneath(folder.fd(), String.join("/", names), flags, false);
            if (fd != -Posix.EXDEV) {
                return fd;
            }
            String linkFree = withoutLinks(names);
            if (linkFree == null) {
                return fd;
            }
            return Posix.openBeneath(folder.fd(), linkFree, flags, true);
        }
        int current = folder.fd();
        for (int i = 0; ; i++) {
            boolean last = i == names.size() - 1;
            int fd = Posix.openAt(current, names.get(i),
                    (last ? flags : Posix.O_RDONLY | Posix.O_DIRECTORY) | Posix.O_NOFOLLOW);
            if (fd == -Posix.ENOTDIR && isLink(current, names.get(i))) {
                fd = -Posix.ELOOP; // O_DIRECTORY | O_NOFOLLOW on a link says ENOTDIR
            }
            if (current != folder.fd()) {
                Posix.close(current);
            }
            if (fd < 0 || last) {
                return fd;
            }
            current = fd;
        }
    }

    private static boolean isLink(int folder, String name) {
        return FileState.of(Path.of("/proc/self/fd/" + folder).resolve(name), LinkOption.NOFOLLOW_LINKS).kind()
                == FileState.Kind.SYMLINK;
    }

    /**
     * The path below the bucket's folder that {@code names} leads to with every symlink replaced
     * by its target (an absolute one counts when it names the bucket's folder or a place in it),
     * or null when it leads out or loops. Read by name, so only a proposal: see {@link #open}.
     */
    private String withoutLinks(List<String> names) {
        Path base;
        try {
            base = bucket.dir().toRealPath();
        } catch (IOException e) {
            return null;
        }
        var resolved = new ArrayList<String>();
        var pending = new ArrayDeque<String>(names);
        int links = 0;
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (resolved.isEmpty()) {
                    return null;
                }
                resolved.removeLast();
                continue;
            }
            Path here = base.resolve(String.join("/", resolved)).resolve(name);
            if (!Files.isSymbolicLink(here)) {
                resolved.add(name);
                continue;
            }
            Path target;
            try {
                target = Files.readSymbolicLink(here);
            } catch (IOException e) {
                return null;
            }
            if (++links > 40) {
                return null;
            }
            if (target.isAbsolute()) {
                Path inside = target.startsWith(base) ? base.relativize(target)
                        : target.startsWith(bucket.dir()) ? bucket.dir().relativize(target) : null;
                if (inside == null) {
                    return null;
                }
                target = inside;
                resolved.clear();
            }
            var steps = new ArrayList<String>();
            target.forEach(step -> steps.add(step.toString()));
            for (int i = steps.size() - 1; i >= 0; i--) {
                pending.addFirst(steps.get(i));
            }
        }
        return resolved.isEmpty() ? "." : String.join("/", resolved);
    }

    private static boolean probe() {
        int fd = Posix.openBeneath(-100, ".", Posix.O_PATH, false);
        Posix.close(fd);
        return fd != -Posix.ENOSYS;
    }
}
