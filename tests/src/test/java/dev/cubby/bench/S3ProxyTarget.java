package dev.cubby.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * s3proxy (org.gaul:s3proxy, jar-with-dependencies from Maven Central) with its filesystem
 * backend: the Java peer that also serves a folder tree as S3. Same heap as Cubby.
 */
final class S3ProxyTarget extends JavaTarget {
    S3ProxyTarget(Path home, Path jar, List<String> jvmArgs) {
        super("s3proxy", home, jar, jvmArgs);
    }

    @Override
    Launch launch(Path home, int port) throws IOException, InterruptedException {
        Path root = Files.createDirectories(rootOf(home));
        Path config = home.resolve("s3proxy.conf");
        Files.writeString(config, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + root,
                ""));
        List<String> command = command("--properties", config.toString());
        long start = System.nanoTime();
        ServerProcess process = ServerProcess.start(command, home.resolve("server.log"), Map.of());
        // s3proxy has no health endpoint: its first answer of any kind (403 for an unsigned GET).
        Duration ready = process.awaitReady(port, "/", -1, start, Duration.ofSeconds(60));
        return new Launch(process, ready);
    }
}
