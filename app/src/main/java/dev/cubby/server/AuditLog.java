package dev.cubby.server;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One line per S3 request on standard output, where journald (or the console) keeps it. The
 * line is logfmt ({@code key=value}, values with spaces or quotes quoted), which journalctl,
 * grep, lnav and Loki read without a parser of their own. Lines are buffered and flushed four
 * times a second, so logging costs no system call per request; {@link #close} flushes the rest.
 */
final class AuditLog implements AutoCloseable {
    private static final long FLUSH_MILLIS = 250;

    private final Writer out;
    private final ScheduledExecutorService flusher;

    private AuditLog(Writer out) {
        this.out = out;
        this.flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("cubby-audit")
                .factory());
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The log on this process's standard output (not System.out, whose per-line flushing we avoid). */
    static AuditLog toStandardOutput() {
        return new AuditLog(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), 64 * 1024));
    }

    void record(CompletedRequest e) {
        var line = new StringBuilder(160).append("audit time=").append(e.time())
                .append(" request=").append(e.requestId())
                .append(" client=").append(e.client());
        field(line, "key", e.accessKeyId());
        field(line, "op", e.operation());
        field(line, "bucket", e.bucket());
        field(line, "object", e.key());
        line.append(" status=").append(e.status())
                .append(" in=").append(e.bytesIn())
                .append(" out=").append(e.bytesOut())
                .append(" ms=").append(e.nanos() / 1_000_000)
                .append('\n');
        synchronized (out) {
            try {
                out.append(line);
            } catch (IOException ignored) {
                // standard output is gone (a closed pipe): serving goes on without the log
            }
        }
    }

    /** {@code name=value}, quoted when the value holds a space, quote, '=' or control character; "-" for none. */
    static void field(StringBuilder line, String name, String value) {
        line.append(' ').append(name).append('=');
        if (value == null || value.isEmpty()) {
            line.append('-');
            return;
        }
        boolean plain = true;
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = c > ' ' && c != '"' && c != '=' && c != '\\' && c != 0x7f;
        }
        if (plain) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < ' ' || c == 0x7f) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }

    private void flush() {
        synchronized (out) {
            try {
                out.flush();
            } catch (IOException ignored) {
                // as in record()
            }
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        flush();
    }
}
