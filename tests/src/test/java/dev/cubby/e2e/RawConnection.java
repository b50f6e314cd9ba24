package dev.cubby.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A raw connection kept open, for requests whose framing is the test: the bytes go out exactly as
 * given (several requests in one write, a body a byte at a time), and what comes back is read
 * until the server closes the connection or the wait ends.
 */
final class RawConnection implements AutoCloseable {
    private static final Pattern STATUS_LINE = Pattern.compile("(?m)^HTTP/1\\.1 \\d{3} ");

    private final Socket socket;

    /** Connects to the server's port on 127.0.0.1 from {@code from} (any 127.x.y.z address is this host). */
    RawConnection(int port, InetAddress from) throws IOException {
        socket = new Socket();
        socket.setReceiveBufferSize(64 * 1024);
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    RawConnection(int port) throws IOException {
        this(port, InetAddress.getLoopbackAddress());
    }

    /** Sends bytes; false when the server had already closed the connection. */
    boolean send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    boolean send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Everything the server sends within {@code wait}, and whether it closed the connection by then. */
    Received readUntilClosed(Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new Received(received.toString(StandardCharsets.ISO_8859_1), false);
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    return new Received(received.toString(StandardCharsets.ISO_8859_1), true);
                }
                received.write(buffer, 0, n);
            } catch (SocketTimeoutException stillOpen) {
                return new Received(received.toString(StandardCharsets.ISO_8859_1), false);
            } catch (SocketException reset) {
                return new Received(received.toString(StandardCharsets.ISO_8859_1), true);
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** The request line and headers of {@code request} as they go on the wire, ending with the blank line. */
    static String head(RawRequest request) {
        StringBuilder head = new StringBuilder()
                .append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString();
    }

    /** What came back on a connection. */
    record Received(String text, boolean closedByServer) {
        /** How many responses (status lines) the server sent. */
        long responses() {
            return STATUS_LINE.matcher(text).results().count();
        }

        /** The status code of the first response. */
        int status() {
            var matcher = STATUS_LINE.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no response in: " + text);
            }
            return Integer.parseInt(text.substring(matcher.end() - 4, matcher.end() - 1));
        }
    }
}
