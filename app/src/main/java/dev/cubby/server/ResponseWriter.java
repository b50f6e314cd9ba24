package dev.cubby.server;

import dev.cubby.error.S3Exception;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.StoreErrors;
import dev.cubby.s3.xml.ErrorDocument;
import dev.cubby.s3.xml.XmlWriter;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;

/** Turns handler answers and failures into HTTP responses; the only code that writes to the socket. */
final class ResponseWriter {
    private static final int COPY_BUFFER_BYTES = 256 * 1024;
    private static final long DRAIN_LIMIT_BYTES = 16L * 1024 * 1024;

    private final StallWatch watch;
    private final Duration writeTimeout;

    /** @param writeTimeout how long one write may wait for the client to take its bytes before the connection is cut */
    ResponseWriter(StallWatch watch, Duration writeTimeout) {
        this.watch = watch;
        this.writeTimeout = writeTimeout;
    }

    /** Sends the answer; returns the body bytes sent. */
    long write(ServerRequest req, ServerResponse res, S3Response response, String requestId) {
        res.status(Status.create(response.status()));
        res.header("x-amz-request-id", requestId);
        res.header("Server", "Cubby");
        response.headers().forEach(res::header);
        if (continueOwed(req)) {
            res.header(HeaderValues.CONNECTION_CLOSE);
        }
        switch (response) {
            case S3Response.Empty empty -> {
                send(res, new byte[0]);
                return 0;
            }
            case S3Response.Xml xml -> {
                res.header(HeaderNames.CONTENT_TYPE, "application/xml");
                byte[] document = XmlWriter.render(xml.document());
                send(res, document);
                return document.length;
            }
            case S3Response.Bytes bytes -> {
                res.header(HeaderNames.CONTENT_TYPE, bytes.contentType());
                send(res, bytes.body());
                return bytes.body().length;
            }
            case S3Response.ObjectBytes bytes -> {
                sendObject(res, bytes);
                return req.prologue().method().text().equals("HEAD") ? 0 : bytes.length();
            }
        }
    }

    /**
     * True when the answer ends the connection ({@code Connection: close}). Helidon goes on reading
     * the connection after such an answer, so the pipeline closes it itself: the unread rest of
     * the request must never be taken for a request of its own.
     */
    static boolean closesConnection(ServerResponse res) {
        return res.headers().contains(HeaderValues.CONNECTION_CLOSE);
    }

    /**
     * A client that sent {@code Expect: 100-continue} and was answered without {@code 100 Continue}
     * (an empty body, which Helidon never asks for, or a refusal before the body was read) gets its
     * connection closed after the answer. botocore (the AWS CLI, boto3) keeps the early answer's
     * status line for the next request on a kept-alive connection and misreads that one's answer,
     * stalling for its 60 s read timeout; a new connection starts it afresh.
     */
    private static boolean continueOwed(ServerRequest req) {
        return req.headers().contains(HeaderValues.EXPECT_100) && !req.continueSent();
    }

    private void send(ServerResponse res, byte[] body) {
        watch.blocking(writeTimeout);
        try {
            res.send(body);
        } finally {
            watch.done();
        }
    }

    /**
     * Streams the object's bytes. Once the output stream is asked for, the status line is
     * committed, so any failure from here on is a {@link ResponseCut}.
     */
    private void sendObject(ServerResponse res, S3Response.ObjectBytes bytes) {
        long sent = 0;
        try (var object = bytes.object()) {
            FileChannel channel = object.channel();
            byte[] buffer = new byte[(int) Math.min(COPY_BUFFER_BYTES, Math.max(1, bytes.length()))];
            ByteBuffer wrapper = ByteBuffer.wrap(buffer);
            long position = bytes.offset();
            long remaining = bytes.length();
            OutputStream out = res.outputStream();
            while (remaining > 0) {
                wrapper.clear().limit((int) Math.min(buffer.length, remaining));
                int n;
                try {
                    n = channel.read(wrapper, position);
                } catch (IOException e) {
                    throw new ResponseCut(sent, false, e);
                }
                if (n < 0) {
                    // The file shrank under us (changed outside Cubby); the length promised can't be kept.
                    throw new ResponseCut(sent, false, new IOException("the file ended " + remaining + " bytes early"));
                }
                watch.blocking(writeTimeout);
                try {
                    out.write(buffer, 0, n);
                } catch (IOException | RuntimeException e) {
                    throw new ResponseCut(sent, true, watch.done() ? stalled() : e);
                } finally {
                    watch.done();
                }
                sent += n;
                position += n;
                remaining -= n;
            }
            watch.blocking(writeTimeout);
            try {
                out.close();
            } catch (IOException | RuntimeException e) {
                throw new ResponseCut(sent, true, watch.done() ? stalled() : e);
            } finally {
                watch.done();
            }
        } catch (IOException e) {
            // opening or closing the object's file, before any byte or after the last
            throw new UncheckedIOException("sending the object failed", e);
        }
    }

    private IOException stalled() {
        return new IOException("the client took no bytes for " + writeTimeout.toSeconds() + " s (write-timeout)");
    }

    /** Sends the S3 error for a failure; returns the body bytes sent. */
    long writeFailure(ServerRequest req, ServerResponse res, RuntimeException failure, String resource, String requestId,
                      long bodyBytesRead) {
        if (res.isSent()) {
            // The status line is out; the only honest signal left is to cut the connection.
            throw failure;
        }
        S3Exception error = failure instanceof ClosingError closing ? closing.error()
                : StoreErrors.toS3(failure, requestId);
        res.status(Status.create(error.code().httpStatus()));
        res.header("x-amz-request-id", requestId);
        res.header("Server", "Cubby");
        error.headers().forEach(res::header);
        if (failure instanceof ClosingError || continueOwed(req)
                || req.content().hasEntity() && !req.content().consumed() && !worthDraining(req, bodyBytesRead)) {
            res.header(HeaderValues.CONNECTION_CLOSE);
        }
        boolean noBody = req.prologue().method().text().equals("HEAD") || error.code().httpStatus() == 304;
        if (noBody) {
            send(res, new byte[0]);
            return 0;
        }
        res.header(HeaderNames.CONTENT_TYPE, "application/xml");
        byte[] document = XmlWriter.render(new ErrorDocument(error.code(), error.getMessage(), resource, requestId));
        send(res, document);
        return document.length;
    }

    /**
     * After a refusal, the rest of the body is read and dropped (Helidon does so once the answer
     * is out) when it is small: a client that sends its body without waiting for 100-continue
     * then reads the error instead of a broken pipe. A client still waiting for 100-continue has
     * sent nothing, and a large remainder is not worth reading; both get Connection: close.
     */
    private static boolean worthDraining(ServerRequest req, long bodyBytesRead) {
        // Helidon sends 100 Continue when the body is first requested; until then the client sends nothing.
        if (!req.continueSent()) {
            return false;
        }
        long length = req.headers().contentLength().orElse(-1L);
        return length >= 0 && length - bodyBytesRead <= DRAIN_LIMIT_BYTES;
    }
}
