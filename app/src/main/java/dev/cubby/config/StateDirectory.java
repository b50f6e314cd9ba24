package dev.cubby.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The private folder for keys and secrets: created 0700, outside the served tree. */
public final class StateDirectory {
    private StateDirectory() {
    }

    public static void create(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
}
