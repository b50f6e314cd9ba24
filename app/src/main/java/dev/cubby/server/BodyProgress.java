package dev.cubby.server;

import dev.cubby.config.ClientLimits;
import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import io.helidon.http.RequestException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * The request body as it comes off the connection. Counts what the handler read, so that a
 * failure can decide between draining the rest (keeping the connection) and closing it; holds the
 * client to the read timeout and the minimum body rate; and turns a body that cannot be read (a
 * malformed chunk size, a client gone) into the S3 error it deserves instead of an internal one.
 *
 * <p>The rate counts only the time spent waiting for the client, not the time the server spends
 * writing what it got, so a slow disk never makes a fast client look slow. The body is asked of
 * Helidon on the first read only: asking sends {@code 100 Continue}, which a request refused before
 * its body is needed must not get.
 */
final class BodyProgress extends InputStream {
    private static final int DRAIN_BUFFER_BYTES = 16 * 1024;

    private final Supplier<InputStream> body;
    private InputStream in;
    private final StallWatch watch;
    private final ClientLimits limits;
    private final long windowNanos;
    private long read;
    private long waitedInWindow;
    private long readInWindow;

    /** @param body opens the request body (an empty stream when there is none) */
    BodyProgress(Supplier<InputStream> body, StallWatch watch, ClientLimits limits) {
        this.body = body;
        this.watch = watch;
        this.limits = limits;
        this.windowNanos = limits.readTimeout().toNanos();
    }

    long bytesRead() {
        return read;
    }

    /**
     * Reads the rest of the body and drops it, held to the same timeouts and rate, so that the
     * connection can carry the next request; Helidon's own draining would wait on a stalled
     * client for ever.
     */
    void drain() throws IOException {
        byte[] buffer = new byte[DRAIN_BUFFER_BYTES];
        while (read(buffer, 0, buffer.length) >= 0) {
            // dropped
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (in == null) {
            in = body.get();
        }
        long started = System.nanoTime();
        watch.blocking(limits.readTimeout());
        int n;
        try {
            n = in.read(b, off, len);
        } catch (RequestException | NumberFormatException e) {
            // Helidon's chunked decoding refused a chunk-size line ("zz", "-5", a 20-digit size, "5 junk")
            throw RequestFraming.malformedChunks();
        } catch (IOException | RuntimeException e) {
            if (watch.done()) {
                throw timedOut();
            }
            throw S3Exception.of(S3ErrorCode.INCOMPLETE_BODY, "The request body ended after " + read
                    + " bytes: the connection failed or was closed before the body was complete.", e);
        } finally {
            if (watch.done()) {
                throw timedOut();
            }
        }
        if (n > 0) {
            read += n;
            readInWindow += n;
        }
        waitedInWindow += System.nanoTime() - started;
        if (limits.minBodyRate() > 0 && waitedInWindow >= windowNanos) {
            double seconds = waitedInWindow / 1e9;
            if (readInWindow < limits.minBodyRate() * seconds) {
                throw tooSlow(seconds);
            }
            waitedInWindow = 0;
            readInWindow = 0;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
    }

    private ClosingError tooSlow(double seconds) {
        return new ClosingError(S3Exception.of(S3ErrorCode.REQUEST_TIMEOUT, String.format(
                "The request body came too slowly: %d bytes in %.0f seconds, where at least %d bytes a second are "
                        + "needed. Check the network, or raise the server's min-body-rate setting.",
                readInWindow, seconds, limits.minBodyRate())));
    }

    private static ClosingError timedOut() {
        return new ClosingError(S3Exception.of(S3ErrorCode.REQUEST_TIMEOUT,
                "Your socket connection to the server was not read from or written to within the timeout period."));
    }
}
