package dev.cubby.server;

import dev.cubby.auth.AccessPolicy;
import dev.cubby.auth.Credential;
import dev.cubby.auth.KeyRing;
import dev.cubby.auth.SigV4Verifier;
import dev.cubby.config.ClientLimits;
import dev.cubby.config.Settings;
import dev.cubby.s3.Operation;
import dev.cubby.s3.OperationTable;
import dev.cubby.s3.handler.AclHandlers;
import dev.cubby.s3.handler.BucketHandlers;
import dev.cubby.s3.handler.CopyObjectHandler;
import dev.cubby.s3.handler.DeleteObjectsHandler;
import dev.cubby.s3.handler.DeleteObjectHandler;
import dev.cubby.s3.handler.GetObjectHandler;
import dev.cubby.s3.handler.ListObjectsHandler;
import dev.cubby.s3.handler.MultipartHandlers;
import dev.cubby.s3.handler.ObjectAttributesHandler;
import dev.cubby.s3.handler.PutObjectHandler;
import dev.cubby.s3.handler.TaggingHandlers;
import dev.cubby.s3.xml.Owner;
import dev.cubby.store.ObjectStore;
import dev.cubby.store.space.SpacePolicy;
import dev.cubby.tls.CertificateSource;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.common.socket.SocketOptions;
import io.helidon.http.encoding.ContentEncodingContext;
import io.helidon.webserver.ListenerConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Wires one running Cubby: the store over the tree, the operation table, and the Helidon web
 * server in front. Started by {@code cubby serve}; stopped by {@link #close()}.
 */
public final class CubbyServer implements AutoCloseable {
    /** The listener's name when HTTPS has a port of its own. */
    static final String HTTPS_SOCKET = "https";

    private final ObjectStore store;
    private final WebServer webServer;
    private final StaleUploadSweeper sweeper;
    private final AuditLog audit;
    private final CertificateRenewal renewal;
    private final String httpsSocket;
    private final StallWatch stallWatch;

    private CubbyServer(ObjectStore store, WebServer webServer, StaleUploadSweeper sweeper, AuditLog audit,
                        CertificateRenewal renewal, String httpsSocket, StallWatch stallWatch) {
        this.stallWatch = stallWatch;
        this.store = store;
        this.webServer = webServer;
        this.sweeper = sweeper;
        this.audit = audit;
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
        var store = ObjectStore.openAt(settings.root(), settings.buckets(),
                settings.hashOnReadLimit(), settings.indexBytesPerSecond(),
                new SpacePolicy(settings.quotas(), settings.freeSpaceReserve(), settings.quotaRescan()));
        var owner = new Owner(canonicalUserId(admin.accessKeyId()), "cubby");
        var buckets = new BucketHandlers(store, settings.region(), owner);
        var getObject = new GetObjectHandler(store);
        var listObjects = new ListObjectsHandler(store, owner);
        var operations = new OperationTable()
                .bind(Operation.LIST_BUCKETS, buckets::listBuckets)
                .bind(Operation.CREATE_BUCKET, buckets::createBucket)
                .bind(Operation.DELETE_BUCKET, buckets::deleteBucket)
                .bind(Operation.HEAD_BUCKET, buckets::headBucket)
                .bind(Operation.GET_BUCKET_LOCATION, buckets::getBucketLocation)
                .bind(Operation.GET_BUCKET_VERSIONING, buckets::getBucketVersioning)
                .bind(Operation.LIST_OBJECTS_V2, listObjects::listV2)
                .bind(Operation.LIST_OBJECTS, listObjects::listV1)
                .bind(Operation.LIST_OBJECT_VERSIONS, listObjects::listVersions)
                .bind(Operation.PUT_OBJECT, new PutObjectHandler(store, owner)::put)
                .bind(Operation.GET_OBJECT, getObject::get)
                .bind(Operation.HEAD_OBJECT, getObject::head)
                .bind(Operation.DELETE_OBJECT, new DeleteObjectHandler(store)::delete)
                .bind(Operation.GET_OBJECT_ATTRIBUTES, new ObjectAttributesHandler(store)::get);
        var multipart = new MultipartHandlers(store, owner);
        operations
                .bind(Operation.CREATE_MULTIPART_UPLOAD, multipart::create)
                .bind(Operation.UPLOAD_PART, multipart::uploadPart)
                .bind(Operation.UPLOAD_PART_COPY, multipart::uploadPartCopy)
                .bind(Operation.COMPLETE_MULTIPART_UPLOAD, multipart::complete)
                .bind(Operation.ABORT_MULTIPART_UPLOAD, multipart::abort)
                .bind(Operation.LIST_PARTS, multipart::listParts)
                .bind(Operation.LIST_MULTIPART_UPLOADS, multipart::listUploads);
        var acl = new AclHandlers(store, owner);
        var tagging = new TaggingHandlers(store);
        operations
                .bind(Operation.COPY_OBJECT, new CopyObjectHandler(store, owner)::copy)
                .bind(Operation.DELETE_OBJECTS, new DeleteObjectsHandler(store)::deleteObjects)
                .bind(Operation.GET_BUCKET_ACL, acl::getBucketAcl)
                .bind(Operation.PUT_BUCKET_ACL, acl::putBucketAcl)
                .bind(Operation.GET_OBJECT_ACL, acl::getObjectAcl)
                .bind(Operation.PUT_OBJECT_ACL, acl::putObjectAcl)
                .bind(Operation.GET_OBJECT_TAGGING, tagging::get)
                .bind(Operation.PUT_OBJECT_TAGGING, tagging::put)
                .bind(Operation.DELETE_OBJECT_TAGGING, tagging::delete);
        var sweeper = StaleUploadSweeper.start(store.multipart(), settings.multipartExpiry());
        var verifier = new SigV4Verifier(keys, Clock.systemUTC());
        AuditLog audit = settings.auditLog() ? AuditLog.toStandardOutput() : null;
        var metrics = new RequestMetrics();
        var metricsPage = new MetricsPage(metrics, store);
        int permits = RequestLimit.forThisHeap();
        ClientLimits clients = settings.clients();
        var stallWatch = new StallWatch();
        var pipeline = new S3Pipeline(verifier, new AccessPolicy(keys, settings.publicRead()), operations,
                settings.domain(), audit, metrics, stallWatch, clients,
                new ClientShare(clients.clientShare(permits)));

        var endpoints = new Endpoints(pipeline, Map.of(
                "/-/health", (req, res) -> res.send("ok"),
                "/-/metrics", (req, res) -> {
                    res.header("Content-Type", MetricsPage.CONTENT_TYPE);
                    res.send(metricsPage.render());
                }));
        Consumer<HttpRouting.Builder> routes = routing -> routing.any(endpoints);
        Limit requests = RequestLimit.of(permits);
        var http1 = http1(new HeaderDeadline(stallWatch, clients.readTimeout()));
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
        return new CubbyServer(store, webServer, sweeper, audit, renewal, httpsSocket, stallWatch);
    }

    /** The store this server serves, for a FUSE mount in the same process (config 'mount:'). */
    public ObjectStore store() {
        return store;
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
    static final java.time.Duration SHUTDOWN_GRACE = java.time.Duration.ofSeconds(30);

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

    /** S3's canonical user ID is 64 hex digits; derive a stable one from the access key. */
    private static String canonicalUserId(String accessKeyId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(accessKeyId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        if (renewal != null) {
            renewal.close();
        }
        webServer.stop();
        stallWatch.close();
        sweeper.close();
        if (audit != null) {
            audit.close();
        }
        store.close();
    }

    /**
     * Accepted connections' options. TCP_NODELAY: without it a body written after its headers
     * waits for the client's delayed ACK, 40 ms for every small object (seen in the benchmark).
     */
    static SocketOptions connectionOptions() {
        return SocketOptions.builder().tcpNoDelay(true).build();
    }
}
