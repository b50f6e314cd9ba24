package dev.cubby.e2e.clients;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The browser tests' door to headless Chromium: runs a scenario module of tests/js/browser/ through
 * tests/js/browser/harness.mjs (playwright-core driving Debian's {@code /usr/bin/chromium}, no
 * browser download; a static server on 127.0.0.1 serves the scenario's pages as another origin
 * than Cubby's, and esbuild bundles their npm imports for the browser). Fails, never skips, when
 * Node.js, Chromium or the npm packages are missing.
 *
 * <p>A new browser test writes a scenario ({@code export async function run({page, origin, serve,
 * bundle, env})}, see harness.mjs) and calls {@link #run}; what the scenario returns comes back as a
 * map of names to text.
 */
public final class HeadlessChromium {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** The harness's own bound on one scenario; the process is killed a little after it. */
    private static final Duration SCENARIO_TIMEOUT = Duration.ofSeconds(60);

    private HeadlessChromium() {
    }

    /**
     * Runs {@code scenario} (a file name in tests/js/browser/) with these environment variables
     * added, and returns its result fields.
     *
     * @param originPort the port the page's origin listens on ({@link #freePort}), so the test can
     *                   name that origin in a CORS rule before the page runs
     */
    public static Map<String, String> run(String scenario, int originPort, Map<String, String> env)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("no browser at " + CHROMIUM + ": the browser tests need Debian's chromium package "
                    + "(apt-get install -y chromium; .ci/run installs it)");
        }
        Path js = ClientBinaries.jsScenarios();
        if (!Files.isDirectory(js.resolve("node_modules/playwright-core"))
                || !Files.isDirectory(js.resolve("node_modules/esbuild"))) {
            fail("playwright-core and esbuild are not installed in " + js + ": the tests module's build runs npm ci there");
        }
        Map<String, String> all = new HashMap<>(env);
        all.put("CHROMIUM", CHROMIUM.toString());
        all.put("BROWSER_ORIGIN_PORT", Integer.toString(originPort));
        all.put("BROWSER_TIMEOUT_MS", Long.toString(SCENARIO_TIMEOUT.toMillis()));
        var result = ClientProcess.run(js, all, List.of(ClientBinaries.node(), "browser/harness.mjs", scenario),
                SCENARIO_TIMEOUT.plusSeconds(20));
        if (result.exit() != 0 || !result.output().contains("OK " + scenario)) {
            fail("browser scenario " + scenario + " exited with " + result.exit() + ":\n" + result.output());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : result.output().split("\n")) {
            if (line.startsWith("RESULT ")) {
                int eq = line.indexOf('=');
                fields.put(line.substring("RESULT ".length(), eq), line.substring(eq + 1).replace("\\n", "\n"));
            }
        }
        assertTrue(!fields.isEmpty(), () -> "browser scenario " + scenario + " returned nothing:\n" + result.output());
        fields.put("output", result.output());
        return fields;
    }

    /** A port free on the loopback address now, for the page's origin. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }
}
