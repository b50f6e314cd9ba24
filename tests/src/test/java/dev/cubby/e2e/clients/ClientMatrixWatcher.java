package dev.cubby.e2e.clients;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Records client + version × scenario → result for tests marked {@link ClientMatrix}, rewrites
 * target/client-matrix.md after every result, and prints the table once when the run ends (from a
 * resource in the root store, which JUnit closes at the end of the run). Never fails a test itself.
 */
public final class ClientMatrixWatcher implements TestWatcher {
    static final Path REPORT = Path.of("target", "client-matrix.md");

    /** client → scenario → result; sorted for a stable table. */
    private static final Map<String, Map<String, String>> RESULTS = new TreeMap<>();
    private static final Map<String, String> VERSIONS = new ConcurrentHashMap<>();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClientMatrixWatcher.class);

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context, "pass");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        record(context, "FAIL");
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context, "aborted");
    }

    private static void record(ExtensionContext context, String result) {
        try {
            Optional<ClientMatrix> marker = find(context.getElement())
                    .or(() -> context.getTestClass().flatMap(c -> find(Optional.of(c))));
            if (marker.isEmpty()) {
                return;
            }
            version(marker.get());
            synchronized (RESULTS) {
                RESULTS.computeIfAbsent(marker.get().client(), k -> new TreeMap<>())
                        .put(scenario(context.getDisplayName()), result);
            }
            context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("printer", k -> new Printer(), Printer.class);
            write();
        } catch (Throwable ignored) {
            // the matrix is a report: it must never change a result
        }
    }

    private static Optional<ClientMatrix> find(Optional<? extends AnnotatedElement> element) {
        return element.map(e -> e.getAnnotation(ClientMatrix.class));
    }

    private static String version(ClientMatrix marker) {
        return VERSIONS.computeIfAbsent(marker.client(), k -> {
            if (marker.version()[0].equals(ClientMatrix.JAVA_SDK)) {
                return software.amazon.awssdk.core.util.VersionInfo.SDK_VERSION;
            }
            try {
                Path dir = Path.of(System.getProperty("java.io.tmpdir"));
                ClientProcess.Result result = ClientProcess.run(dir, Map.of(), ClientBinaries.resolve(marker.version()),
                        Duration.ofSeconds(20));
                String line = result.output().lines().map(String::strip).filter(l -> !l.isEmpty())
                        .findFirst().orElse("?");
                return result.exit() == 0 ? line : "(version unknown: " + line + ")";
            } catch (Throwable e) {
                return "(not installed)";
            }
        });
    }

    /** "syncUpAndDown(Path)" → "sync up and down": the test method's name as the matrix shows it. */
    static String scenario(String displayName) {
        int parameters = displayName.indexOf('(');
        String name = parameters < 0 ? displayName : displayName.substring(0, parameters);
        return name.replaceAll("(?<=[a-z0-9])(?=[A-Z])|(?<=[a-z])(?=[0-9]+(?:[A-Z]|$))", " ").toLowerCase(java.util.Locale.ROOT);
    }

    static String table() {
        synchronized (RESULTS) {
            StringBuilder out = new StringBuilder("# Client matrix\n\n| Client | Version | Passed |\n|---|---|---|\n");
            RESULTS.forEach((client, scenarios) -> out.append("| ").append(cell(client)).append(" | ")
                    .append(cell(VERSIONS.getOrDefault(client, "?"))).append(" | ")
                    .append(scenarios.values().stream().filter("pass"::equals).count()).append(" of ")
                    .append(scenarios.size()).append(" |\n"));
            out.append("\n| Client | Scenario | Result |\n|---|---|---|\n");
            RESULTS.forEach((client, scenarios) -> scenarios.forEach((scenario, result) ->
                    out.append("| ").append(cell(client)).append(" | ").append(cell(scenario)).append(" | ")
                            .append(result).append(" |\n")));
            return out.toString();
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static void write() throws IOException {
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, table(), StandardCharsets.UTF_8);
    }

    /** Closed by JUnit when the run ends: writes the final table and prints it. */
    private static final class Printer implements AutoCloseable {
        private final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                write();
                System.out.println();
                System.out.println(table());
                System.out.println("(written to " + REPORT.toAbsolutePath() + ")");
            } catch (Throwable ignored) {
                // a report must not fail the build
            }
        }
    }
}
