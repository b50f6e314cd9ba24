package dev.cubby.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One server under test. S3 targets sign every request as SDKs do (SigV4, unsigned payload);
 * the plain-HTTP target (nginx) takes the same paths unsigned. Every target keeps its files in a
 * folder of its own, laid out bucket/key, so datasets can be written straight to disk.
 */
abstract class Target implements AutoCloseable {
    static final String ACCESS_KEY = "AKIDCUBBYBENCH000001";
    static final String SECRET_KEY = "benchSecret/0123456789+abcdefghijklmnopq";
    static final String BUCKET = "bench";

    private final String name;
    private final Path home;
    private final BenchSigner signer = new BenchSigner(ACCESS_KEY, SECRET_KEY, "us-east-1");
    protected ServerProcess server;
    protected int port;

    Target(String name, Path home) {
        this.name = name;
        this.home = home;
    }

    final String name() {
        return name;
    }

    /** Where this target keeps its buckets (one folder per bucket). */
    final Path dataRoot() {
        return rootOf(home);
    }

    /** The served folder inside a target's home (also of the scratch homes start-up is timed in). */
    static Path rootOf(Path home) {
        return home.resolve("root");
    }

    /** True for the S3 servers; false for the plain HTTP limit (nginx). */
    abstract boolean speaksS3();

    /** Starts a server on a free port with the given home; returns it ready, and the time it took. */
    abstract Launch launch(Path home, int port) throws IOException, InterruptedException;

    record Launch(ServerProcess process, Duration startUp) {
    }

    final Path home() {
        return home;
    }

    final void start() throws IOException, InterruptedException {
        port = ServerProcess.freePort();
        server = launch(home, port).process();
        createBucket();
    }

    /** A second, fresh instance, started only to time its start-up, then stopped. */
    final Duration measureStartUp(Path scratch) throws IOException, InterruptedException {
        Launch launch = launch(scratch, ServerProcess.freePort());
        launch.process().close();
        return launch.startUp();
    }

    private void createBucket() throws IOException {
        if (!speaksS3()) {
            java.nio.file.Files.createDirectories(dataRoot().resolve(BUCKET));
            return;
        }
        try (HttpConnection connection = connect()) {
            int status = connection.exchange("PUT", "/" + BUCKET, headers(connection, "PUT", "/" + BUCKET, ""),
                    null, true).status();
            if (status != 200 && status != 409) {
                throw new IOException(name + ": CreateBucket answered " + status);
            }
        }
    }

    final HttpConnection connect() throws IOException {
        return new HttpConnection("127.0.0.1", port);
    }

    final int port() {
        return port;
    }

    /** The request headers a client sends for this target (signed for S3), without Host. */
    final String[] headers(HttpConnection connection, String method, String path, String canonicalQuery,
            String... extra) {
        if (!speaksS3()) {
            return extra;
        }
        BenchSigner.Signed signed = signer.sign(method, path, canonicalQuery, connection.hostHeader(), Instant.now());
        String[] headers = new String[3 + extra.length];
        headers[0] = "x-amz-date: " + signed.amzDate();
        headers[1] = "x-amz-content-sha256: " + BenchSigner.UNSIGNED_PAYLOAD;
        headers[2] = "Authorization: " + signed.authorization();
        System.arraycopy(extra, 0, headers, 3, extra.length);
        return headers;
    }

    /** The server's processes, for CPU time and memory. */
    final List<Long> pids() {
        return server.pids();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
