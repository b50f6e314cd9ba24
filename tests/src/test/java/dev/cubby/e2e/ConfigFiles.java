package dev.cubby.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Config files (cubby.yaml) for test servers and mounts, in the temp folder, removed when the JVM ends. */
public final class ConfigFiles {
    private ConfigFiles() {
    }

    public static Path write(String yaml) {
        try {
            Path file = Files.createTempFile("cubby-test-", ".yaml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
