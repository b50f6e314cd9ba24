package dev.cubby.server;

import io.helidon.http.Header;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The first step of every request. S3 paths (all but {@code /-/...}, as no bucket name starts with
 * '-') go straight to the S3 pipeline, which reads the raw path itself: Helidon's path routes
 * decode the path first and fail with a stack trace on {@code /b/a%zz} or {@code /b/k\}. The
 * server's own endpoints are routed by Helidon only when their path decodes and their framing is
 * sound; otherwise the pipeline answers the S3 error (InvalidURI, or InvalidRequest and a closed
 * connection), once, with a line in the audit log.
 */
final class MalformedRequests implements Filter {
    private final S3Pipeline pipeline;

    MalformedRequests(S3Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (req.prologue().uriPath().rawPath().startsWith("/-/") && decodes(req) && framedSoundly(req)) {
            chain.proceed();
        } else {
            pipeline.handle(req, res);
        }
    }

    private static boolean decodes(RoutingRequest req) {
        try {
            req.prologue().uriPath().path();
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static boolean framedSoundly(RoutingRequest req) {
        List<String> names = new ArrayList<>();
        for (Header header : req.headers()) {
            names.add(header.name());
        }
        return RequestFraming.problem(names) == null;
    }
}
