package dev.cubby.server;

import dev.cubby.s3.S3Response;
import dev.cubby.s3.StoreErrors;
import dev.cubby.s3.error.S3Exception;
import dev.cubby.s3.xml.ErrorDocument;
import dev.cubby.s3.xml.XmlWriter;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Turns handler answers and failures into HTTP responses; the only code that writes to the socket. */
final class ResponseWriter {
    private static final int COPY_BUFFER_BYTES = 256 * 1024;
    private static final long DRAIN_LIMIT_BYTES = 16L * 1024 * 1024;

    /** Sends the answer; returns the body bytes sent. */
    long write(ServerRequest req, ServerResponse res, S3Response response, String requestId) {
        res.status(Status.create(response.status()));
        res.header("x-amz-request-id", requestId);
        res.header("Server", "Cubby");
        response.headers().forEach(res::header);
        switch (response) {
            case S3Response.Empty empty -> {
                res.send();
                return 0;
            }
            case S3Response.Xml xml -> {
                res.header(HeaderNames.CONTENT_TYPE, "application/xml");
                byte[] document = XmlWriter.render(xml.document());
                res.send(document);
                return document.length;
            }
            case S3Response.ObjectBytes bytes -> {
                sendObject(res, bytes);
                return req.prologue().method().text().equals("HEAD") ? 0 : bytes.length();
            }
        }
    }

    /**
     * Streams the object's bytes. Once the output stream is asked for, the status line is
     * committed, so any failure from here on is a {@link ResponseCut}.
     */
    private static void sendObject(ServerResponse res, S3Response.ObjectBytes bytes) {
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
                try {
                    out.write(buffer, 0, n);
                } catch (IOException | RuntimeException e) {
                    throw new ResponseCut(sent, true, e);
                }
                sent += n;
                position += n;
                remaining -= n;
            }
            try {
                out.close();
            } catch (IOException | RuntimeException e) {
                throw new ResponseCut(sent, true, e);
            }
        } catch (IOException e) {
            // opening or closing the object's file, before any byte or after the last
            throw new UncheckedIOException("sending the object failed", e);
        }
    }

    /** Sends the S3 error for a failure; returns the body bytes sent. */
    long writeFailure(ServerRequest req, ServerResponse res, RuntimeException failure, String resource, String requestId,
                      long bodyBytesRead) {
        if (res.isSent()) {
            // The status line is out; the only honest signal left is to cut the connection.
            throw failure;
        }
        S3Exception error = StoreErrors.toS3(failure, requestId);
        res.status(Status.create(error.code().httpStatus()));
        res.header("x-amz-request-id", requestId);
        res.header("Server", "Cubby");
        error.headers().forEach(res::header);
        if (req.content().hasEntity() && !req.content().consumed() && !worthDraining(req, bodyBytesRead)) {
            res.header(HeaderNames.CONNECTION, "close");
        }
        boolean noBody = req.prologue().method().text().equals("HEAD") || error.code().httpStatus() == 304;
        if (noBody) {
            res.send();
            return 0;
        }
        res.header(HeaderNames.CONTENT_TYPE, "application/xml");
        byte[] document = XmlWriter.render(new ErrorDocument(error.code(), error.getMessage(), resource, requestId));
        res.send(document);
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
