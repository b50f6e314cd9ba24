package dev.cubby.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts the built jar, with the JVM flags appliance/jvm.options gives for
 * native code (the FUSE mount's jnr-fuse), so a test sees the output a user would see.
 */
public final class CubbyJar {
    private CubbyJar() {
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("cubby.jar", "../app/target/cubby.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no server jar at " + jar + ": build the app module first");
        }
        return jar;
    }

    /** {@code java [flags] -jar cubby.jar ARGS...} on the JDK running the tests. */
    public static List<String> command(String... args) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return command;
    }
}
