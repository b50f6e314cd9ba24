package dev.cubby.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * One real Cubby process over a temporary tree, started from the built jar.
 *
 * <p>Layout of the temporary base folder: {@code root/} is served, {@code state/} holds keys,
 * {@code outside/} sits beside the root (holding {@code secret.txt}) so that escape attempts have
 * something to reach for. Files can be put into the root before start with {@link #tree}.
 *
 * <p>Use as {@code @RegisterExtension static final TestServer server = TestServer.withFixtureTree();}
 * (started before the class's tests, stopped after, its log printed when a test fails) or as a
 * plain {@link AutoCloseable}.
 */
public final class TestServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback, TestWatcher {
    public static final String ACCESS_KEY = "AKIDCUBBYTEST0000001";
    public static final String SECRET_KEY = "cubbyTestSecret/0123456789+abcdefghijklm";
    public static final Region REGION = Region.US_EAST_1;
    public static final String SECRET_OUTSIDE = "outside the root: must never be served\n";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    /** The line serve prints once it listens; its URLs carry the ports it bound. */
    private static final java.util.regex.Pattern SERVES_LINE =
            java.util.regex.Pattern.compile("(?m)^Cubby serves .* at (https?://\\S+(?: and https?://\\S+)?)\\R");
    private static final java.util.regex.Pattern BOUND_PORT = java.util.regex.Pattern.compile(":(\\d+)(?:\\s|$)");

    /** Writes files into the root before the server starts. */
    @FunctionalInterface
    public interface TreeSetup {
        void write(Path root) throws IOException;
    }

    private final List<TreeSetup> setups = new ArrayList<>();
    private final List<String> extraArgs = new ArrayList<>();
    private final Map<String, String> extraEnv = new LinkedHashMap<>();
    private final AtomicInteger bucketCounter = new AtomicInteger();
    private Path base;
    private Path root;
    private Path state;
    private Path log;
    private Process process;
    private int port;
    private boolean httpsOnMainPort;
    private boolean httpsBesideHttp;
    private int httpsPort;
    private RawHttp raw;
    private final ErrorBodies errorBodies = new ErrorBodies(() -> base == null ? List.of()
            : List.of(base.toString(), root.toString(), state.toString()));
    private final SdkClients clients = new SdkClients(this::endpoint, () -> port, errorBodies);

    private TestServer() {
    }

    public static TestServer empty() {
        return new TestServer();
    }

    public static TestServer withFixtureTree() {
        return new TestServer().tree(FixtureTree::write);
    }

    public TestServer tree(TreeSetup setup) {
        setups.add(setup);
        return this;
    }

    /** Extra command-line arguments after the fixed {@code serve --root --state --address --port}. */
    public TestServer args(String... args) {
        extraArgs.addAll(List.of(args));
        return this;
    }

    /** An extra environment variable for the server process (for settings such as {@code CUBBY_MULTIPART_EXPIRY}). */
    public TestServer env(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    /**
     * The main port speaks HTTPS (start with {@code --tls} or an owner's pair through {@link #args}):
     * {@link #endpoint()} is https, and readiness is polled over TLS without checking the certificate.
     */
    public TestServer https() {
        httpsOnMainPort = true;
        return this;
    }

    /** HTTPS on a second port of its own ({@code --tls-port}) beside plain HTTP on the main one. */
    public TestServer httpsBesideHttp() {
        httpsBesideHttp = true;
        return this;
    }

    public synchronized void start() throws IOException, InterruptedException {
        if (process != null) {
            return;
        }
        if (!"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"))) {
            throw new IllegalStateException("file names need a UTF-8 locale: run the tests with LANG=C.UTF-8");
        }
        Path jar = Path.of(System.getProperty("cubby.jar", "../app/target/cubby.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no server jar at " + jar + ": build the app module first");
        }
        base = Files.createTempDirectory("cubby-e2e-");
        root = Files.createDirectory(base.resolve("root"));
        state = Files.createDirectory(base.resolve("state"));
        Files.writeString(Files.createDirectory(base.resolve("outside")).resolve("secret.txt"), SECRET_OUTSIDE);
        log = base.resolve("server.log");
        for (TreeSetup setup : setups) {
            setup.write(root);
        }
        // Port 0: the server binds free ports itself and prints them (no port picked here, released,
        // then taken by someone else before the server binds it).
        port = 0;
        httpsPort = 0;
        launch();
    }

    /**
     * Stops the process (as a service manager would, with SIGTERM) and starts it again on the same
     * ports (the ones it bound first) over the same root and state; clients made before stay usable.
     */
    public synchronized void restart() throws IOException, InterruptedException {
        if (base == null) {
            throw new IllegalStateException("restart a server that was started");
        }
        stopProcess();
        launch();
    }

    /**
     * Sends SIGTERM, as systemd stops a service, without waiting: the future completes with the
     * exit code once the process is gone. {@link #restart} starts it again over the same tree.
     */
    public synchronized java.util.concurrent.CompletableFuture<Integer> terminate() {
        Process stopping = process;
        process = null;
        stopping.destroy();
        return stopping.onExit().thenApply(Process::exitValue);
    }

    /**
     * SIGKILL, as a crash, the OOM killer or a power cut ends it: no shutdown hook runs, requests
     * in flight are cut wherever they are. {@link #restart} starts it again over the same tree.
     */
    public synchronized void kill() throws InterruptedException {
        Process killed = process;
        process = null;
        killed.destroyForcibly();
        if (!killed.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("cubby did not die within 10 s of SIGKILL");
        }
    }

    private void launch() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(CubbyJar.command(
                "serve", "--root", root.toString(), "--state", state.toString(),
                "--address", "127.0.0.1", "--port", Integer.toString(port)));
        if (httpsBesideHttp) {
            command.addAll(List.of("--tls-port", Integer.toString(httpsPort)));
        }
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("CUBBY_ACCESS_KEY_ID", ACCESS_KEY);
        builder.environment().put("CUBBY_SECRET_ACCESS_KEY", SECRET_KEY);
        builder.environment().putAll(extraEnv);
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        process = builder.start();
        readBoundPorts(logStart);
        raw = new RawHttp(port, errorBodies);
        awaitHealthy();
    }

    /**
     * Waits for the line {@code Cubby serves ROOT at URL[ and URL]} this launch writes after
     * {@code logStart} and takes the ports from it: the main one first, HTTPS's own second.
     */
    private void readBoundPorts(long logStart) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String output = logSince(logStart);
            var serves = SERVES_LINE.matcher(output);
            if (serves.find()) {
                var ports = BOUND_PORT.matcher(serves.group(1));
                List<Integer> found = new ArrayList<>();
                while (ports.find()) {
                    found.add(Integer.parseInt(ports.group(1)));
                }
                port = found.get(0);
                if (httpsBesideHttp) {
                    httpsPort = found.get(1);
                }
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("cubby exited with " + process.exitValue()
                        + " before it said where it serves; its log:\n" + log());
            }
            Thread.sleep(50);
        }
        String output = log();
        close();
        throw new IllegalStateException("cubby did not say where it serves within " + START_TIMEOUT
                + "; its log:\n" + output);
    }

    private String logSince(long offset) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(log)) {
            var bytes = java.nio.ByteBuffer.allocate((int) Math.max(0, channel.size() - offset));
            channel.read(bytes, offset);
            return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
        }
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1));
        if (httpsOnMainPort) {
            client.sslContext(AnyCertificate.sslContext()); // readiness only: TLS tests check the certificate themselves
        }
        try (HttpClient http = client.build()) {
            HttpRequest health = HttpRequest.newBuilder(endpoint().resolve("/-/health"))
                    .timeout(Duration.ofSeconds(2)).build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("cubby exited with " + process.exitValue()
                            + " before it was healthy; its log:\n" + log());
                }
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYetListening) {
                    // keep polling until the deadline
                }
                Thread.sleep(100);
            }
        }
        String output = log();
        close();
        throw new IllegalStateException("cubby was not healthy within " + START_TIMEOUT + "; its log:\n" + output);
    }

    @Override
    public synchronized void close() {
        clients.close();
        stopProcess();
        if (base != null) {
            deleteRecursively(base);
            base = null;
        }
        errorBodies.requireClean();
    }

    /**
     * The error bodies this server sent to the harness's clients; checked when it closes. A test
     * that reads responses through another client records them here.
     */
    ErrorBodies errorBodies() {
        return errorBodies;
    }

    private void stopProcess() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        System.err.println("---- cubby log after failure of " + context.getDisplayName() + " ----");
        System.err.println(logTail(200));
        System.err.println("---- end of cubby log ----");
    }

    public Path root() {
        return root;
    }

    public Path state() {
        return state;
    }

    /** The temporary folder holding root/, state/ and outside/. */
    public Path base() {
        return base;
    }

    public Path outside() {
        return base.resolve("outside");
    }

    public int port() {
        return port;
    }

    /** The server process's id, for tests that watch its resources in /proc. */
    public long pid() {
        return process.pid();
    }

    public URI endpoint() {
        return URI.create((httpsOnMainPort ? "https" : "http") + "://127.0.0.1:" + port);
    }

    /** The HTTPS endpoint: the main one with {@link #https()}, the second port with {@link #httpsBesideHttp()}. */
    public URI httpsEndpoint() {
        return httpsBesideHttp ? URI.create("https://127.0.0.1:" + httpsPort) : endpoint();
    }

    /** Where the object {@code bucket/key} lives as a plain file. */
    public Path file(String bucket, String key) {
        return root.resolve(bucket).resolve(key);
    }

    /** Makes a fresh top-level folder (so a bucket) for one test's writes and returns its name. */
    public String newBucket(String stem) throws IOException {
        String name = stem + "-" + bucketCounter.incrementAndGet();
        Files.createDirectory(root.resolve(name));
        return name;
    }

    public String log() {
        try {
            return log == null || !Files.exists(log) ? "" : Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private String logTail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** The shared path-style client with the SDK's default settings. */
    public S3Client client() {
        return clients.shared();
    }

    /** A new path-style client with default settings and then {@code customizer}; closed with the server. */
    public S3Client client(Consumer<S3ClientBuilder> customizer) {
        return clients.pathStyle(customizer);
    }

    /** A virtual-host-style client ({@code Host: bucket.localhost:PORT}): start with {@code --domain localhost}. */
    public S3Client virtualHostClient(Consumer<S3ClientBuilder> customizer) {
        return clients.virtualHost(customizer);
    }

    public S3Presigner presigner() {
        return clients.presigner();
    }

    public static StaticCredentialsProvider credentials(String accessKey, String secretKey) {
        return SdkClients.credentials(accessKey, secretKey);
    }

    /** A request to this server, with its Host header set, neither signed nor sent. */
    public RawRequest request(String method, String target) {
        return RawRequest.of(method, target).withHeader("Host", "127.0.0.1:" + port);
    }

    /** The admin key's signer, for requests signed by hand. */
    public SigV4 signer() {
        return new SigV4(ACCESS_KEY, SECRET_KEY, REGION.id());
    }

    /** Sends a request exactly as given. */
    public RawResponse send(RawRequest request) throws IOException {
        return raw.send(request);
    }

    /** Signs with the admin key (now, payload hash of the body, header auth) and sends. */
    public RawResponse sendSigned(RawRequest request) throws IOException {
        return raw.send(signer().sign(request));
    }

    /** A port free on the loopback address now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort: a temp folder left behind does not change a result
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
