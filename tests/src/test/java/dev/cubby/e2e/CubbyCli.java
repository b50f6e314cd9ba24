package dev.cubby.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code cubby ...} from the built jar as its own process, as an owner does beside a running
 * server (the key commands, {@code share}).
 */
public final class CubbyCli {
    private CubbyCli() {
    }

    /** What one command printed and how it ended. */
    public record Result(int exitCode, String out, String err) {
        /** The value after {@code label:} on the first line of standard output that has it. */
        public String field(String label) {
            for (String line : out.lines().toList()) {
                String trimmed = line.trim();
                if (trimmed.startsWith(label + ":")) {
                    return trimmed.substring(label.length() + 1).trim();
                }
            }
            throw new AssertionError("no '" + label + ":' in the output of cubby:\n" + out + err);
        }

        public Result requireSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("cubby exited with " + exitCode + ":\n" + out + err);
            }
            return this;
        }
    }

    /** A key made by {@code cubby keys create}: id and secret read from what it printed. */
    public record Key(String accessKeyId, String secret) {
    }

    public static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = CubbyJar.command(args);
        var builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("CUBBY_"));
        Process process = builder.start();
        process.getOutputStream().close();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("cubby " + String.join(" ", args) + " did not finish");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    /** {@code cubby keys create --name NAME --grant G... EXTRA... --state STATE}. */
    public static Key createKey(Path state, String name, List<String> grants, String... extra)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("keys", "create", "--state", state.toString(), "--name", name));
        for (String grant : grants) {
            args.add("--grant");
            args.add(grant);
        }
        args.addAll(List.of(extra));
        Result result = run(args.toArray(String[]::new)).requireSuccess();
        return new Key(result.field("access key id"), result.field("secret access key"));
    }

    /** {@code cubby keys SUBCOMMAND ARGS... --state STATE}. */
    public static Result keys(Path state, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("keys"));
        all.addAll(List.of(args));
        all.addAll(List.of("--state", state.toString()));
        return run(all.toArray(String[]::new));
    }
}
