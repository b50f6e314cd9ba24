package dev.cubby.fuse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a folder is a FUSE mount point now, from the kernel's table in /proc/self/mountinfo. */
final class MountTable {
    private MountTable() {
    }

    static boolean isMounted(Path mountPoint) {
        String target = mountPoint.toAbsolutePath().normalize().toString();
        try (var lines = Files.lines(Path.of("/proc/self/mountinfo"))) {
            return lines.map(line -> line.split(" "))
                    .anyMatch(f -> f.length > 4 && unescape(f[4]).equals(target) && line(f).contains("fuse"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String line(String[] fields) {
        return String.join(" ", fields);
    }

    /** mountinfo writes space, tab, newline and backslash in octal. */
    private static String unescape(String field) {
        return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
