package dev.cubby.e2e;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Records the headers of each request as the SDK puts it on the wire (after signing), so a test
 * can show which signing form or checksum the client really used.
 */
public final class RequestRecorder implements ExecutionInterceptor {
    private final List<Map<String, List<String>>> sent = new CopyOnWriteArrayList<>();
    private final List<String> hosts = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        sent.add(context.httpRequest().headers());
        hosts.add(context.httpRequest().host() + ":" + context.httpRequest().port());
    }

    /** The {@code host:port} the last request went to, as in its Host header. */
    public String lastHost() {
        return hosts.isEmpty() ? null : hosts.getLast();
    }

    /** A header of the last request sent, or {@code null}. */
    public String lastHeader(String name) {
        if (sent.isEmpty()) {
            return null;
        }
        return sent.getLast().entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> entry.getValue().getFirst())
                .findFirst().orElse(null);
    }
}
