package dev.cubby.server;

import io.helidon.http.Header;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Routes every request by its raw path: the server's own endpoints ({@code GET /-/health},
 * {@code GET /-/metrics}; no bucket name starts with '-') to their handlers, everything else to
 * the S3 pipeline. Helidon's path routes decode the path before matching and fail with a stack
 * trace on {@code /b/a%zz} or {@code /b/k\}; here nothing is decoded, and the pipeline answers a
 * malformed path InvalidURI. A request to an endpoint whose framing is not sound goes to the
 * pipeline too, which refuses it and closes the connection.
 */
final class Endpoints implements Handler {
    private final S3Pipeline pipeline;
    private final Map<String, Handler> ownGets;

    /** @param ownGets the server's own GET endpoints by exact raw path */
    Endpoints(S3Pipeline pipeline, Map<String, Handler> ownGets) {
        this.pipeline = pipeline;
        this.ownGets = Map.copyOf(ownGets);
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) throws Exception {
        Handler own = req.prologue().method().text().equals("GET") ? ownGets.get(req.path().rawPath()) : null;
        if (own != null && framedSoundly(req)) {
            own.handle(req, res);
        } else {
            pipeline.handle(req, res);
        }
    }

    private static boolean framedSoundly(ServerRequest req) {
        List<String> names = new ArrayList<>();
        for (Header header : req.headers()) {
            names.add(header.name());
        }
        return RequestFraming.problem(names) == null;
    }
}
