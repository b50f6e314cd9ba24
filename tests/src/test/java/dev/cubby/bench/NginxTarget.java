package dev.cubby.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's nginx over loopback: static GET and HEAD, WebDAV PUT into the same layout. No
 * signatures, no checksums, no metadata: the HTTP limit of this machine, not a peer.
 */
final class NginxTarget extends Target {
    private final String binary;

    NginxTarget(Path home, String binary) {
        super("nginx", home);
        this.binary = binary;
    }

    @Override
    boolean speaksS3() {
        return false;
    }

    @Override
    Launch launch(Path home, int port) throws IOException, InterruptedException {
        Path root = Files.createDirectories(rootOf(home));
        Files.createDirectories(home.resolve("body-temp"));
        Path config = home.resolve("nginx.conf");
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        Files.writeString(config, String.join("\n",
                asRoot ? "user root;" : "",
                "worker_processes auto;",
                "pid " + home.resolve("nginx.pid") + ";",
                "error_log " + home.resolve("error.log") + " warn;",
                "events { worker_connections 1024; }",
                "http {",
                "  access_log off;",
                "  sendfile on;",
                "  tcp_nopush on;",
                "  keepalive_requests 1000000;",
                "  client_max_body_size 0;",
                "  client_body_temp_path " + home.resolve("body-temp") + ";",
                "  server {",
                "    listen 127.0.0.1:" + port + ";",
                "    root " + root + ";",
                "    location / { dav_methods PUT DELETE; create_full_put_path on; }",
                "  }",
                "}",
                ""));
        long start = System.nanoTime();
        ServerProcess process = ServerProcess.start(
                List.of(binary, "-p", home.toString(), "-c", config.toString(), "-g", "daemon off;"),
                home.resolve("server.log"), Map.of());
        Duration ready = process.awaitReady(port, "/", -1, start, Duration.ofSeconds(10));
        return new Launch(process, ready);
    }
}
