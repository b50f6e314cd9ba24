package dev.cubby.server;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.time.Duration;

/**
 * A request's headers must arrive within the read timeout of its request line: a client that
 * sends them a byte at a time (slowloris) has its connection cut. Helidon calls this listener on
 * the connection's own thread after the request line and after the headers.
 */
final class HeaderDeadline implements Http1ConnectionListener {
    private final StallWatch watch;
    private final Duration timeout;

    HeaderDeadline(StallWatch watch, Duration timeout) {
        this.watch = watch;
        this.timeout = timeout;
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        watch.blocking(timeout);
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        watch.done();
    }
}
