package dev.cubby.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The built cubby.jar, with the heap the appliance ships, timed to its first 200 on /-/health. */
final class CubbyTarget extends JavaTarget {
    CubbyTarget(Path home, Path jar, List<String> jvmArgs) {
        super("cubby", home, jar, jvmArgs);
    }

    @Override
    Launch launch(Path home, int port) throws IOException, InterruptedException {
        Path root = Files.createDirectories(rootOf(home));
        Path state = Files.createDirectories(home.resolve("state"));
        List<String> command = command("serve", "--root", root.toString(), "--state", state.toString(),
                "--address", "127.0.0.1", "--port", Integer.toString(port));
        long start = System.nanoTime();
        ServerProcess process = ServerProcess.start(command, home.resolve("server.log"),
                Map.of("CUBBY_ACCESS_KEY_ID", ACCESS_KEY, "CUBBY_SECRET_ACCESS_KEY", SECRET_KEY,
                        "LC_ALL", "C.UTF-8"));
        Duration ready = process.awaitReady(port, "/-/health", 200, start, Duration.ofSeconds(30));
        return new Launch(process, ready);
    }
}
