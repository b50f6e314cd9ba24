package dev.cubby.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** appliance/jvm.options: the JVM options the appliance ships, so the bench measures what users run. */
final class JvmOptions {
    private JvmOptions() {
    }

    /**
     * The file's options, with @STATE@ replaced by {@code state}; an option this JDK does not
     * know yet (JDK 24's {@code --sun-misc-unsafe-memory-access}) is left out.
     */
    static List<String> read(Path file, Path state) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .filter(line -> Runtime.version().feature() >= 24 || !line.startsWith("--sun-misc-unsafe-memory-access"))
                .map(line -> line.replace("@STATE@", state.toString()))
                .toList();
    }

    /** The -Xmx value among {@code options}, for giving the peer the same heap. */
    static String heap(List<String> options) {
        return options.stream().filter(o -> o.startsWith("-Xmx")).map(o -> o.substring(4)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalArgumentException("jvm.options sets no -Xmx"));
    }
}
