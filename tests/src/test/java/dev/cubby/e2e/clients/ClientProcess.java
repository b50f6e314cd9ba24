package dev.cubby.e2e.clients;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an installed client as a subprocess with a bounded wait, its output captured to a file (so a
 * chatty client cannot block on a full pipe), and AWS_CA_BUNDLE removed from its environment (rclone
 * refuses it for http endpoints; a test over HTTPS passes the server's certificate in {@code env}).
 */
final class ClientProcess {
    /** No single client command may run longer than this. */
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    record Result(int exit, String output) {
    }

    private ClientProcess() {
    }

    static ProcessBuilder builder(Path dir, Map<String, String> env, List<String> command, Path output) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("AWS_CA_BUNDLE");
        environment.remove("AWS_PROFILE");
        environment.putAll(env);
        return builder;
    }

    static Result run(Path dir, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        return run(dir, env, command, TIMEOUT);
    }

    static Result run(Path dir, Map<String, String> env, List<String> command, Duration timeout)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("client-output-", ".log");
        try {
            Process process = builder(dir, env, command, output).redirectInput(ProcessBuilder.Redirect.from(
                    new java.io.File("/dev/null"))).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                fail("client did not finish within " + timeout + ": " + command + "\n" + read(output));
            }
            return new Result(process.exitValue(), read(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Runs and asserts exit code 0, returning the output. */
    static String ok(Path dir, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        Result result = run(dir, env, command);
        if (result.exit() != 0) {
            fail(String.join(" ", command) + " exited with " + result.exit() + ":\n" + result.output());
        }
        return result.output();
    }

    static List<String> command(String binary, List<String> fixed, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(fixed);
        command.addAll(List.of(args));
        return command;
    }

    private static String read(Path output) {
        try {
            return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    /** Asserts that two local trees hold the same relative file names with the same bytes. */
    static void assertSameTree(Path expected, Path actual) throws IOException {
        List<Path> want = files(expected);
        List<Path> got = files(actual);
        if (!want.equals(got)) {
            fail("trees differ: expected " + want + " but was " + got);
        }
        for (Path relative : want) {
            long mismatch = Files.mismatch(expected.resolve(relative), actual.resolve(relative));
            if (mismatch != -1L) {
                fail(relative + " differs at byte " + mismatch);
            }
        }
    }

    static List<Path> files(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
