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
