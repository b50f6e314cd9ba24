package dev.cubby.e2e.clients;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where each real client lives. Debian's come from /usr/bin (installed by .ci/run). The newest
 * boto3 and AWS CLI v1 are the ones the machine's own Python has (pyenv's, first on PATH; it is
 * looked up also where pyenv keeps it, because a CI shell may not have pyenv's PATH), resolved to
 * the real interpreter so that no pyenv shim sits between the test and the client. A client that
 * is missing fails the test that needs it; nothing is skipped.
 */
public final class ClientBinaries {
    /** Version-command placeholders a {@link ClientMatrix} may use for clients with no fixed path. */
    static final String NEWEST_PYTHON = "{newest-python}";
    static final String PIP_AWS_CLI = "{pip-aws-cli}";
    /** Stands for the whole command printing the installed @aws-sdk/client-s3 version. */
    static final String JS_SDK_VERSION = "{js-sdk-version}";

    private static final Set<String> DEBIAN_DIRS = Set.of("/usr/bin", "/bin", "/usr/local/bin");
    private static volatile Path newestPython;

    private ClientBinaries() {
    }

    /** A Debian package's binary in /usr/bin; fails with the package to install when it is missing. */
    public static String debian(String binary, String debianPackage) {
        Path path = Path.of("/usr/bin", binary);
        if (!Files.isExecutable(path)) {
            fail(binary + " is not installed at " + path + ": .ci/run installs it (apt-get install "
                    + debianPackage + ")");
        }
        return path.toString();
    }

    /** The interpreter of the machine's own (non-Debian) Python that has boto3. */
    public static synchronized Path newestPython() {
        if (newestPython == null) {
            newestPython = findNewestPython();
        }
        return newestPython;
    }

    /** The AWS CLI v1 that pip installed beside {@link #newestPython()}. */
    public static Path pipAwsCli() {
        Path aws = newestPython().resolveSibling("aws");
        if (!Files.isExecutable(aws)) {
            fail("no AWS CLI v1 beside " + newestPython() + " (pip install awscli into that Python)");
        }
        return aws;
    }

    /** Node.js from PATH, which runs the JavaScript SDK scenarios. */
    public static String node() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path node = Path.of(dir.isEmpty() ? "." : dir, "node");
            if (Files.isExecutable(node)) {
                return node.toString();
            }
        }
        fail("node is not on PATH: the JavaScript SDK scenarios need Node.js 20 or newer");
        return null;
    }

    /**
     * tests/js, where the build's {@code npm ci} installed the JavaScript SDK (the surefire
     * configuration passes the folder as cubby.js).
     */
    public static Path jsScenarios() {
        Path dir = Path.of(System.getProperty("cubby.js", "js")).toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("node_modules/@aws-sdk/client-s3"))) {
            fail("the JavaScript SDK is not installed in " + dir + ": the tests module's build runs npm ci there");
        }
        return dir;
    }

    /** Replaces a leading placeholder with the binary (or command) it names. */
    static List<String> resolve(String[] command) {
        List<String> resolved = new ArrayList<>(List.of(command));
        switch (resolved.get(0)) {
            case NEWEST_PYTHON -> resolved.set(0, newestPython().toString());
            case PIP_AWS_CLI -> resolved.set(0, pipAwsCli().toString());
            case JS_SDK_VERSION -> {
                return List.of(node(), "-p", "require('" + jsScenarios()
                        + "/node_modules/@aws-sdk/client-s3/package.json').version");
            }
            default -> {
            }
        }
        return resolved;
    }

    private static Path findNewestPython() {
        Set<Path> candidates = new LinkedHashSet<>();
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && !DEBIAN_DIRS.contains(dir)) {
                candidates.add(Path.of(dir, "python3"));
            }
        }
        String home = System.getProperty("user.home");
        String pyenvRoot = System.getenv().getOrDefault("PYENV_ROOT", home + "/.pyenv");
        candidates.addAll(pyenvVersions(Path.of(pyenvRoot, "versions")));
        for (Path candidate : candidates) {
            Path real = interpreterWithBoto3(candidate);
            if (real != null) {
                return real;
            }
        }
        fail("no Python with boto3 outside Debian's found on PATH or under " + pyenvRoot
                + "/versions; looked at " + candidates);
        return null;
    }

    /** pyenv's interpreters, newest version first. */
    private static List<Path> pyenvVersions(Path versions) {
        try (Stream<Path> dirs = Files.list(versions)) {
            return dirs.map(d -> d.resolve("bin/python3")).filter(Files::isExecutable)
                    .sorted((a, b) -> compareVersions(b.getParent().getParent().getFileName().toString(),
                            a.getParent().getParent().getFileName().toString()))
                    .toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\D+");
        String[] y = b.split("\\D+");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Long.compare(number(x[i]), number(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static long number(String digits) {
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    /** The real interpreter behind {@code python} (through any shim) when it imports boto3, else null. */
    private static Path interpreterWithBoto3(Path python) {
        if (!Files.isExecutable(python)) {
            return null;
        }
        try {
            ClientProcess.Result result = ClientProcess.run(Path.of(System.getProperty("java.io.tmpdir")), Map.of(),
                    List.of(python.toString(), "-c", "import sys, boto3; print(sys.executable)"),
                    Duration.ofSeconds(30));
            if (result.exit() != 0) {
                return null;
            }
            Path real = Path.of(result.output().strip().lines().reduce((first, last) -> last).orElse(""));
            return real.isAbsolute() && !DEBIAN_DIRS.contains(String.valueOf(real.getParent())) ? real : null;
        } catch (Exception | AssertionError e) {
            return null;
        }
    }
}
