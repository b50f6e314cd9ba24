package dev.cubby.server;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts S3 requests for {@code /-/metrics}: per operation, the answers by status, bytes in and
 * out, and a latency histogram. Recording is a few adder increments, so every request pays
 * next to nothing; rendering (one scrape every few seconds) does the summing.
 */
final class RequestMetrics {
    /** Upper bounds of the latency buckets, in seconds: from a cached HEAD to a 1 GiB transfer. */
    static final double[] BOUNDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
            10, 30, 60};
    /** The label of requests refused before their operation was known (a malformed request line, say). */
    static final String UNKNOWN_OPERATION = "Unknown";

    private final Map<String, OperationCounters> byOperation = new ConcurrentHashMap<>();

    void record(CompletedRequest request) {
        String operation = request.operation() == null ? UNKNOWN_OPERATION : request.operation();
        byOperation.computeIfAbsent(operation, name -> new OperationCounters()).add(request);
    }

    /** The counters so far, by operation name in order. */
    Map<String, OperationCounters> snapshot() {
        return new TreeMap<>(byOperation);
    }

    /** One operation's counters; read while others still add, as Prometheus allows. */
    static final class OperationCounters {
        final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        final LongAdder bytesIn = new LongAdder();
        final LongAdder bytesOut = new LongAdder();
        /** Requests per latency bucket, not cumulative; the last slot is above every bound. */
        final LongAdder[] latency = new LongAdder[BOUNDS.length + 1];
        final LongAdder latencyNanos = new LongAdder();
        final LongAdder count = new LongAdder();

        OperationCounters() {
            for (int i = 0; i < latency.length; i++) {
                latency[i] = new LongAdder();
            }
        }

        private void add(CompletedRequest request) {
            byStatus.computeIfAbsent(request.status(), status -> new LongAdder()).increment();
            bytesIn.add(request.bytesIn());
            bytesOut.add(request.bytesOut());
            double seconds = request.nanos() / 1e9;
            int slot = 0;
            while (slot < BOUNDS.length && seconds > BOUNDS[slot]) {
                slot++;
            }
            latency[slot].increment();
            latencyNanos.add(request.nanos());
            count.increment();
        }
    }
}
