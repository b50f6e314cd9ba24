package dev.cubby.server;

import dev.cubby.auth.Credential;
import dev.cubby.auth.KeyRing;
import dev.cubby.config.ClientLimits;
import dev.cubby.config.Settings;
import dev.cubby.store.ObjectStore;
import dev.cubby.tls.CertificateSource;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.common.socket.SocketOptions;
import io.helidon.http.encoding.ContentEncodingContext;
import io.helidon.webserver.ListenerConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import java.util.function.Consumer;

/**
 * One running Cubby: Helidon's listeners (plain HTTP, HTTPS, or both) and their TLS in front of
 * the {@link ServerParts} that serve the requests. Started by {@code cubby serve}; stopped by
 * {@link #close()}: certificate renewal, then the listeners (requests in flight may finish),
 * then the parts.
 */
public final class CubbyServer implements AutoCloseable {
    /** The listener's name when HTTPS has a port of its own. */
    static final String HTTPS_SOCKET = "https";
    /** How long requests in flight may run on after a stop (see {@link #listener}). */
    static final java.time.Duration SHUTDOWN_GRACE = java.time.Duration.ofSeconds(30);

    private final ServerParts parts;
    private final WebServer webServer;
    private final CertificateRenewal renewal;
    private final String httpsSocket;

    private CubbyServer(ServerParts parts, WebServer webServer, CertificateRenewal renewal, String httpsSocket) {
        this.parts = parts;
        this.webServer = webServer;
        this.renewal = renewal;
        this.httpsSocket = httpsSocket;
    }

    /**
     * Starts serving. With {@code certificates} (null when TLS is off) HTTPS takes the main port,
     * or listens on {@code settings.tls().port()} beside plain HTTP on the main one.
     *
     * @param admin the admin key, whose id names the owner in ACL and listing answers
     * @param keys  every key the server accepts, reloaded when the key store changes
     */
    public static CubbyServer start(Settings settings, Credential admin, KeyRing keys,
                                    CertificateSource certificates) {
        int permits = RequestLimit.forThisHeap();
        var parts = ServerParts.start(settings, admin, keys, permits);
        try {
            return listen(settings, certificates, parts, permits);
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
    }

    private static CubbyServer listen(Settings settings, CertificateSource certificates, ServerParts parts,
                                      int permits) {
        ClientLimits clients = settings.clients();
        Consumer<HttpRouting.Builder> routes = routing -> routing.any(parts.endpoints());
        Limit requests = RequestLimit.of(permits);
        var http1 = http1(new HeaderDeadline(parts.stallWatch(), clients.readTimeout()));
        var builder = listener(WebServer.builder(), http1, clients)
                .concurrencyLimit(requests)
                .host(settings.address())
                .port(settings.port())
                .routing(routes);
        String httpsSocket = null;
        if (certificates != null && settings.tls().port() == null) {
            httpsSocket = WebServer.DEFAULT_SOCKET_NAME;
            builder.tls(CertificateRenewal.tls(certificates.current()));
        } else if (certificates != null) {
            httpsSocket = HTTPS_SOCKET;
            builder.putSocket(HTTPS_SOCKET, socket -> listener(socket, http1, clients)
                    .concurrencyLimit(requests)
                    .host(settings.address())
                    .port(settings.tls().port())
                    .tls(CertificateRenewal.tls(certificates.current()))
                    .routing(routes));
        }
        WebServer webServer = builder.build().start();
        CertificateRenewal renewal = httpsSocket == null ? null
                : CertificateRenewal.start(certificates, webServer, httpsSocket, CertificateRenewal.EVERY);
        return new CubbyServer(parts, webServer, renewal, httpsSocket);
    }

    /** The store this server serves, for a FUSE mount in the same process (config 'mount:'). */
    public ObjectStore store() {
        return parts.store();
    }

    /** The main port: plain HTTP, or HTTPS when TLS has no port of its own. */
    public int port() {
        return webServer.port();
    }

    /** The port HTTPS listens on, or -1 when TLS is off. */
    public int httpsPort() {
        return httpsSocket == null ? -1 : webServer.port(httpsSocket);
    }

    /**
     * What every listener shares. Helidon's NIO socket copies every response through an 8 KiB
     * buffer, one write call each; the plain socket hands our 256 KiB writes to the kernel whole
     * (1 GiB GET: 927 -> 1,337 MiB/s in the benchmark).
     */
    private static <B extends ListenerConfig.BuilderBase<B, ?>> B listener(B listener, Http1Config http1,
                                                                           ClientLimits clients) {
        return listener
                .connectionOptions(connectionOptions())
                // a connection waiting for its next request (or its first) is closed after this
                .idleConnectionTimeout(clients.idleTimeout())
                .idleConnectionPeriod(idleCheckPeriod(clients.idleTimeout()))
                // On SIGTERM requests in flight may finish (an upload of a few GiB on a slow link
                // needs a while); systemd's own stop timeout (90 s by default) stays above it.
                .shutdownGracePeriod(SHUTDOWN_GRACE)
                .useNio(false)
                // S3's Content-Encoding is object metadata (and aws-chunked a framing we decode
                // ourselves): the server must never decode request bodies.
                .contentEncoding(ContentEncodingContext.create(c -> c.contentEncodingsDiscoverServices(false)))
                .addProtocol(http1);
    }

    /**
     * HTTP/1.1 as Cubby reads it. Helidon's own validation of request lines, paths and headers
     * stays off; {@link RequestFraming} checks what decides where a request ends, and
     * {@link RequestTarget} what it addresses.
     */
    private static Http1Config http1(HeaderDeadline headerDeadline) {
        return Http1Config.builder()
                .validatePath(false)
                .validatePrologue(false)
                .validateRequestHeaders(false)
                // keys of 1024 bytes percent-encoded plus presigned query strings
                .maxPrologueLength(16 * 1024)
                // 2 KiB of user metadata, long signatures and many headers
                .maxHeadersSize(64 * 1024)
                .addReceiveListener(headerDeadline)
                .build();
    }

    /** How often idle connections are looked for: a quarter of the timeout, within 1 s to 1 min. */
    static java.time.Duration idleCheckPeriod(java.time.Duration idleTimeout) {
        long millis = Math.clamp(idleTimeout.toMillis() / 4, 1_000, 60_000);
        return java.time.Duration.ofMillis(millis);
    }

    @Override
    public void close() {
        if (renewal != null) {
            renewal.close();
        }
        webServer.stop();
        parts.close();
    }

    /**
     * Accepted connections' options. TCP_NODELAY: without it a body written after its headers
     * waits for the client's delayed ACK, 40 ms for every small object (seen in the benchmark).
     */
    static SocketOptions connectionOptions() {
        return SocketOptions.builder().tcpNoDelay(true).build();
    }
}
