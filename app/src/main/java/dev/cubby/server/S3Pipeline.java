package dev.cubby.server;

import dev.cubby.auth.Access;
import dev.cubby.auth.AccessPolicy;
import dev.cubby.auth.RequestContext;
import dev.cubby.auth.Authentication;
import dev.cubby.auth.RequestContext;
import dev.cubby.auth.SignatureVerifier;
import dev.cubby.auth.SignedRequest;
import dev.cubby.auth.VerifiedBody;
import dev.cubby.config.ClientLimits;
import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.EncryptionHeaders;
import dev.cubby.s3.Operation;
import dev.cubby.s3.OperationTable;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.cors.BucketCors;
import io.helidon.http.Header;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The path of every S3 request: refuse framing that cannot be trusted ({@link RequestFraming}) and
 * a client over its share of places ({@link ClientShare}); find the operation, bucket and key;
 * verify the signature once and wrap the body so its hash and chunk signatures are checked as it
 * is read; check the permission once; run the handler; write its answer. Failures at any step
 * become S3 errors. An answer that says {@code Connection: close} closes the connection, and the
 * unread rest of a body is drained under the client limits before the next request is read.
 * CORS preflights ({@code OPTIONS}) are the one exception to the signature and permission steps;
 * every other answer, errors included, carries the CORS headers of the bucket's matching rule.
 */
final class S3Pipeline implements Handler {
    private static final Logger LOG = Logger.getLogger(S3Pipeline.class.getName());
    private static final String PREFLIGHT = "OPTIONS";

    private final SignatureVerifier verifier;
    private final AccessPolicy accessPolicy;
    private final OperationTable operations;
    private final String domain;
    private final AuditLog audit;
    private final RequestMetrics metrics;
    private final StallWatch watch;
    private final ClientLimits limits;
    private final ClientShare share;
    private final ResponseWriter writer;
    private final BucketCors cors;

    /**
     * @param audit   where each request is recorded, or null for no audit log
     * @param metrics where each request is counted for {@code /-/metrics}
     * @param watch   cuts body reads and response writes that stall past the limits' timeouts
     * @param share   the places each client address may take
     * @param cors    the CORS headers every answer to a request from another origin carries
     */
    S3Pipeline(SignatureVerifier verifier, AccessPolicy accessPolicy, OperationTable operations, String domain,
               AuditLog audit, RequestMetrics metrics, StallWatch watch, ClientLimits limits, ClientShare share,
               BucketCors cors) {
        this.verifier = verifier;
        this.accessPolicy = accessPolicy;
        this.operations = operations;
        this.domain = domain;
        this.audit = audit;
        this.metrics = metrics;
        this.watch = watch;
        this.limits = limits;
        this.share = share;
        this.writer = new ResponseWriter(watch, limits.writeTimeout());
        this.cors = cors;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        long started = System.nanoTime();
        String requestId = RequestIds.next();
        String method = req.prologue().method().text();
        String rawPath = req.path().rawPath();
        String resource = rawPath;
        BodyProgress progress = new BodyProgress(
                () -> req.content().hasEntity() ? req.content().inputStream() : InputStream.nullInputStream(),
                watch, limits);
        RequestTarget target = null;
        Authentication caller = null;
        Operation operation = null;
        long bytesOut = 0;
        InetAddress client = clientAddress(req);
        boolean placeTaken = false;
        try {
            Map<String, List<String>> headers = lowerCaseHeaders(req);
            RequestFraming.check(headers);
            if (!share.tryEnter(client)) {
                throw S3Exception.of(S3ErrorCode.SLOW_DOWN, "This client already has " + share.perClient()
                        + " requests in flight, its share of the server (requests-per-client): retry when some finish.");
            }
            placeTaken = true;
            String rawQuery = req.query().rawValue();
            var signed = new SignedRequest(method, rawPath, rawQuery, headers);
            String host = first(headers, "host");
            target = RequestTarget.parse(host, rawPath, domain);
            resource = target.bucket() == null ? "/" : "/" + target.bucket() + (target.key() == null ? "" : "/" + target.key());
            Map<String, String> query = QueryString.decode(rawQuery);
            S3Request request;
            if (method.equals(PREFLIGHT)) {
                // Browsers send CORS preflights unsigned: answered from the bucket's CORS rules alone.
                operation = OperationTable.resolve(method, target.kind(), Map.of());
                request = new S3Request(operation, target.bucket(), target.key(), query, headers,
                        InputStream.nullInputStream(), Map::of, null, requestId, accessPolicy.unsigned());
            } else {
                // Before anything can fail, so that a page of another origin can read errors too.
                cors.responseHeaders(target.bucket(), method, headers).forEach(res::header);
                caller = verifier.verify(signed, RequestTarget.virtualHostBucket(host, domain));
                operation = OperationTable.resolve(method, target.kind(), query, headers::containsKey);
                // A browser upload is signed in its form: its handler verifies that and checks the permission.
                RequestContext context = requestContext(req, client, headers, query);
                Access access = operation.authenticatedByBody() ? accessPolicy.access(caller, context)
                        : accessPolicy.check(caller, operation.action(), operation.permission(), target.bucket(),
                                target.key(), context);
                EncryptionHeaders.refuse(operation, name -> first(headers, name));
                InputStream raw = progress;
                VerifiedBody body = verifier.wrapBody(caller, signed, raw);
                request = new S3Request(operation, target.bucket(), target.key(), query, headers, body.stream(),
                        body::trailers, caller.accessKeyId(), requestId, access);
            }
            S3Response response = operations.handler(operation).handle(request);
            bytesOut = writer.write(req, res, response, requestId);
        } catch (ResponseCut cut) {
            bytesOut = cut.bytesSent();
            if (cut.clientGone()) {
                LOG.fine(() -> "request " + requestId + ": " + cut.getMessage());
            } else {
                LOG.log(Level.WARNING, "request " + requestId + ": " + cut.getMessage(), cut.getCause());
            }
            // The only signal left to the client is the end of the connection.
            throw new CloseConnectionException(cut.getMessage(), cut);
        } catch (RuntimeException e) {
            bytesOut = writer.writeFailure(req, res, e, resource, requestId, progress.bytesRead());
        } finally {
            if (placeTaken) {
                share.leave(client);
            }
            watch.forget();
            var completed = new CompletedRequest(java.time.Instant.now(), requestId,
                    req.remotePeer().host() + ":" + req.remotePeer().port(),
                    caller == null ? null : caller.accessKeyId(), operation == null ? null : operation.s3Name(),
                    target == null ? null : target.bucket(), target == null ? null : target.key(),
                    res.status().code(), progress.bytesRead(), bytesOut,
                    System.nanoTime() - started);
            metrics.record(completed);
            if (audit != null) {
                audit.record(completed);
            }
        }
        if (ResponseWriter.closesConnection(res)) {
            throw new CloseConnectionException("the answer closed the connection");
        }
        if (req.content().hasEntity() && !req.content().consumed()) {
            try {
                progress.drain();
            } catch (IOException | RuntimeException e) {
                throw new CloseConnectionException("the rest of the request body could not be read", e);
            }
        }
    }

    /** What a bucket policy's conditions may look at: where the request came from, TLS, headers, query. */
    private static RequestContext requestContext(ServerRequest req, InetAddress client,
                                                 Map<String, List<String>> headers, Map<String, String> query) {
        return new RequestContext(client.getHostAddress(), req.isSecure(), name -> first(headers, name), query::get,
                java.time.Instant.now());
    }

    /** The peer's address; a peer without one (unresolved, as Helidon's in-process client) counts as local. */
    private static InetAddress clientAddress(ServerRequest req) {
        return req.remotePeer().address() instanceof InetSocketAddress socket && socket.getAddress() != null
                ? socket.getAddress() : InetAddress.getLoopbackAddress();
    }

    private static Map<String, List<String>> lowerCaseHeaders(ServerRequest req) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : req.headers()) {
            headers.computeIfAbsent(header.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .addAll(header.allValues());
        }
        return headers;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
