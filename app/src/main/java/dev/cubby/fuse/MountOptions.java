package dev.cubby.fuse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the tree is mounted. {@code uid}, {@code gid} and {@code umask} change only what the mount
 * shows (null: the files' own owner and mode); the kernel checks access against what is shown.
 */
public record MountOptions(Path mountPoint, boolean readOnly, Integer uid, Integer gid, Integer umask,
                           boolean allowOther) {

    /**
     * Options written as in the config's {@code mount-options} ({@code ro,uid=1000,gid=100,umask=027,
     * allow_other}); null or blank for none.
     *
     * @throws IllegalArgumentException naming the option that is wrong
     */
    public static MountOptions parse(Path mountPoint, String spec) {
        boolean readOnly = false;
        boolean allowOther = false;
        Integer uid = null;
        Integer gid = null;
        Integer umask = null;
        for (String option : spec == null ? new String[0] : spec.split(",")) {
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')).trim() : option.trim();
            String value = option.contains("=") ? option.substring(option.indexOf('=') + 1).trim() : null;
            try {
                switch (name) {
                    case "" -> { }
                    case "ro" -> readOnly = true;
                    case "allow_other" -> allowOther = true;
                    case "uid" -> uid = Integer.parseInt(value);
                    case "gid" -> gid = Integer.parseInt(value);
                    case "umask" -> umask = parseUmask(value, "umask in mount-options");
                    default -> throw new IllegalArgumentException("unknown mount option '" + name
                            + "' in mount-options; known: ro, uid=N, gid=N, umask=OCTAL, allow_other");
                }
            } catch (NumberFormatException | NullPointerException e) {
                throw new IllegalArgumentException("mount option '" + option.trim() + "' needs a number, such as "
                        + name + "=1000");
            }
        }
        return new MountOptions(mountPoint, readOnly, uid, gid, umask, allowOther);
    }

    /**
     * A umask written in octal (027), within 000 to 777; {@code source} names where it was
     * written (a flag, a config key), for the message.
     *
     * @throws IllegalArgumentException when it is not
     */
    public static int parseUmask(String octal, String source) {
        try {
            int value = Integer.parseInt(octal, 8);
            if (value >= 0 && value <= 0777) {
                return value;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // told below
        }
        throw new IllegalArgumentException(source + " must be octal bits between 000 and 777, such as 027; got '"
                + octal + "'");
    }

    /**
     * The options handed to libfuse. Attribute and entry caches are off so that a change made
     * over S3 or on disk is seen by the next stat or open through the mount; without
     * {@code kernel_cache} the page cache of a file is dropped on each open for the same reason.
     * {@code atomic_o_trunc} lets an {@code O_TRUNC} open start a private copy instead of
     * truncating the published file first.
     */
    List<String> fuseArguments() {
        var options = new ArrayList<>(List.of("fsname=cubby", "subtype=cubby", "default_permissions",
                "attr_timeout=0", "entry_timeout=0", "negative_timeout=0", "atomic_o_trunc", "big_writes",
                "max_read=131072"));
        if (readOnly) {
            options.add("ro");
        }
        if (allowOther) {
            options.add("allow_other");
        }
        return List.of("-o", String.join(",", options));
    }
}
