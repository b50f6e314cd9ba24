package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never live in the served tree: {@code cubby serve} refuses to start when its state
 * folder (keys.db, master.key, the TLS key) lies where a bucket serves it, since any key that may
 * read that bucket (or anyone, were it public-read) would download every secret, the admin key's too.
 */
class StateOutsideTheTreeTest {
    @TempDir
    Path dir;

    @Test
    void aStateFolderInsideABucketStopsTheStartWithAClearLine() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path state = root.resolve("cubby");
        Served served = serve(root, state);
        assertEquals(2, served.exitCode(), served.output());
        assertTrue(served.output().contains("cubby: the state folder " + state + " lies inside the served folder "
                + root), served.output());
        assertFalse(Files.exists(state.resolve("master.key")), "nothing is made before the refusal");
    }

    @Test
    void aStateFolderReachedThroughASymlinkIsRefusedToo() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("shared"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), root.resolve("shared"));
        Served served = serve(root, link.resolve("state"));
        assertEquals(2, served.exitCode(), served.output());
        assertTrue(served.output().contains("lies inside the served folder"), served.output());
    }

    @Test
    void theRootsInternalFolderIsNotServedSoItMayHoldTheState() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path state = root.resolve(".cubby/state");
        Served served = serve(root, state);
        assertEquals(-1, served.exitCode(), "the server runs: " + served.output());
    }

    private record Served(int exitCode, String output) {
    }

    /** Starts {@code cubby serve}; its exit code, or -1 when it was still running after a few seconds (then stopped). */
    private Served serve(Path root, Path state) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("cubby.jar", "../app/target/cubby.jar")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "serve", "--root", root.toString(), "--state", state.toString(),
                "--address", "127.0.0.1", "--port", "0"));
        Path log = dir.resolve("serve.log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("CUBBY_"));
        Process process = builder.start();
        boolean exited = process.waitFor(8, TimeUnit.SECONDS);
        if (!exited) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return new Served(exited ? process.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8));
    }
}
