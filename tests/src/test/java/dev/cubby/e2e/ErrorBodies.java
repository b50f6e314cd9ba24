package dev.cubby.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Every error body one test server sent to the harness's clients (the SDK clients it builds and
 * {@link RawHttp}), and the check that none of them gives away the server's insides: its own
 * folders, a device, an exception's name or a stack frame. {@link TestServer} runs the check
 * when it closes, so every suite that provokes errors is scanned.
 */
final class ErrorBodies {
    /** What a body written for the client never holds; found in bodies that carried an exception's text. */
    private static final List<String> TELLTALES = List.of("/dev/", "/tmp/", "Exception", "at dev.cubby", ".java:");

    private final Supplier<List<String>> serverPaths;
    private final List<String> offending = new ArrayList<>();
    private int seen;

    /** @param serverPaths the server's root, state and base folders, as far as they are known yet */
    ErrorBodies(Supplier<List<String>> serverPaths) {
        this.serverPaths = serverPaths;
    }

    synchronized void record(String request, int status, byte[] body) {
        if (status < 300 || body == null || body.length == 0) {
            return;
        }
        seen++;
        String text = new String(body, StandardCharsets.UTF_8);
        offence(text, serverPaths.get()).ifPresent(found ->
                offending.add(request + " answered " + status + " with a body holding '" + found + "': " + text));
    }

    /** Records the error bodies of every request an SDK client makes, as they come off the wire. */
    ExecutionInterceptor interceptor() {
        return new ExecutionInterceptor() {
            @Override
            public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                                   ExecutionAttributes attributes) {
                int status = context.httpResponse().statusCode();
                Optional<InputStream> content = context.responseBody();
                if (status < 400 || content.isEmpty()) {
                    return content;
                }
                try (InputStream in = content.get()) {
                    byte[] body = in.readAllBytes();
                    record(context.request().getClass().getSimpleName(), status, body);
                    return Optional.of(new ByteArrayInputStream(body));
                } catch (IOException e) {
                    throw new UncheckedIOException("reading an error body", e);
                }
            }
        };
    }

    /**
     * What in {@code body} gives the server away, if anything. The {@code <Resource>} element is
     * the request's own path, as the client sent it, so it is not searched.
     */
    static Optional<String> offence(String body, List<String> serverPaths) {
        String searched = body.replaceAll("(?s)<Resource>.*?</Resource>", "");
        for (String path : serverPaths) {
            if (path != null && searched.contains(path)) {
                return Optional.of(path);
            }
        }
        return TELLTALES.stream().filter(searched::contains).findFirst();
    }

    /** Error bodies recorded so far. */
    synchronized int seen() {
        return seen;
    }

    /** Fails with every offending body recorded so far, and forgets them. */
    synchronized void requireClean() {
        if (!offending.isEmpty()) {
            List<String> found = List.copyOf(offending);
            offending.clear();
            throw new AssertionError(found.size() + " error bodies give away the server's insides (paths, devices, "
                    + "exceptions or stack frames belong in its log):\n" + String.join("\n", found));
        }
    }
}
