package dev.cubby.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A server the bench starts, waits for, measures (pids for CPU and memory) and stops. */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static ServerProcess start(List<String> command, Path log, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new ServerProcess(builder.start(), log);
    }

    /**
     * Polls {@code path} until it answers {@code expectedStatus} (any status when negative);
     * returns the time from {@code startNanos}. Polling costs a request every 5 ms.
     */
    Duration awaitReady(int port, String path, int expectedStatus, long startNanos, Duration limit)
            throws IOException, InterruptedException {
        long deadline = startNanos + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("server exited with " + process.exitValue() + "; see " + log);
            }
            try (HttpConnection connection = new HttpConnection("127.0.0.1", port)) {
                int status = connection.exchange("GET", path, new String[0], null, false).status();
                if (expectedStatus < 0 || status == expectedStatus) {
                    return Duration.ofNanos(System.nanoTime() - startNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IOException("server not ready on port " + port + " within " + limit + "; see " + log);
    }

    /** The server's process and every process it started (nginx's workers). */
    List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) { // a JFR recording or class-data archive is written at exit
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
