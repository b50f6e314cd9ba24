package dev.cubby.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket: writes a request (headers as given, a
 * body streamed from a {@link Body}), reads the response and, unless asked to keep it, counts the
 * body away without holding it. Deliberately small: the load generator must cost far less CPU
 * than the servers it drives.
 */
final class HttpConnection implements Closeable {
    private static final int BUFFER = 64 * 1024;

    private final String hostHeader;
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] scratch = new byte[BUFFER];
    private boolean open = true;

    /** A request body of known length, written straight to the socket. */
    interface Body {
        long length();

        void writeTo(OutputStream out) throws IOException;
    }

    record Response(int status, long bodyLength, byte[] body, String etag) {
        String text() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }
    }

    HttpConnection(String host, int port) throws IOException {
        this.hostHeader = host + ":" + port;
        this.socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(120_000);
        this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
        this.in = new BufferedInputStream(socket.getInputStream(), BUFFER);
    }

    String hostHeader() {
        return hostHeader;
    }

    boolean isOpen() {
        return open;
    }

    /**
     * Sends one request; {@code headers} are "Name: value" lines without the Host header.
     * The body is kept when {@code keepBody} or when the status says it failed.
     */
    Response exchange(String method, String target, String[] headers, Body body, boolean keepBody) throws IOException {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(target)
                .append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length()).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            body.writeTo(out);
        }
        out.flush();
        return readResponse(method, keepBody);
    }

    private Response readResponse(String method, boolean keepBody) throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        String etag = null;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> open &= !value.equalsIgnoreCase("close");
                case "etag" -> etag = value;
                default -> {
                }
            }
        }
        boolean keep = keepBody || status >= 300;
        ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
        long read = 0;
        if (method.equals("HEAD") || status == 204 || status == 304) {
            read = 0;
        } else if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                read += copy(size, kept);
                line();
            }
            while (!line().isEmpty()) {
                // trailer fields, if any
            }
        } else if (length >= 0) {
            read = copy(length, kept);
        } else {
            open = false;
            read = copy(Long.MAX_VALUE, kept);
        }
        return new Response(status, read, kept == null ? null : kept.toByteArray(), etag);
    }

    private long chunkSize() throws IOException {
        String size = line();
        int semicolon = size.indexOf(';');
        return Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
    }

    private long copy(long length, ByteArrayOutputStream kept) throws IOException {
        long done = 0;
        while (done < length) {
            int n = in.read(scratch, 0, (int) Math.min(scratch.length, length - done));
            if (n < 0) {
                if (length == Long.MAX_VALUE) {
                    return done;
                }
                throw new EOFException("response body ended after " + done + " of " + length + " bytes");
            }
            if (kept != null) {
                kept.write(scratch, 0, n);
            }
            done += n;
        }
        return done;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        open = false;
        socket.close();
    }
}
