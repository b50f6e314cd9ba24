package dev.cubby.fuse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks, before mounting, what a mount needs from the machine: the kernel's FUSE device and
 * Debian's libfuse2 (which jnr-fuse binds at run time). Each missing piece gets one line that
 * says what to install, instead of a native-linking stack trace.
 */
final class FuseAvailability {
    static final String INSTALL = "apt-get install fuse3 libfuse2";
    private static final List<String> LIBRARY_FOLDERS = List.of("/lib", "/usr/lib", "/lib64", "/usr/lib64",
            "/usr/local/lib", "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu", "/lib/arm-linux-gnueabihf", "/usr/lib/arm-linux-gnueabihf");

    private FuseAvailability() {
    }

    static void require(Path device, List<String> libraryFolders) throws FuseUnavailable {
        if (!Files.exists(device)) {
            throw new FuseUnavailable("cannot mount: " + device + " is missing; load the kernel module "
                    + "(modprobe fuse) or, in a container, pass the device (--device /dev/fuse)");
        }
        boolean library = libraryFolders.stream()
                .anyMatch(folder -> Files.exists(Path.of(folder, "libfuse.so.2")) || Files.exists(Path.of(folder, "libfuse.so")));
        if (!library) {
            throw new FuseUnavailable("cannot mount: libfuse2 is not installed; install it with: " + INSTALL);
        }
    }

    static void require() throws FuseUnavailable {
        require(Path.of("/dev/fuse"), LIBRARY_FOLDERS);
    }
}
