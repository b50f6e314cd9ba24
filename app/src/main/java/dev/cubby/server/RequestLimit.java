package dev.cubby.server;

import io.helidon.common.concurrency.limits.FixedLimit;
import io.helidon.common.concurrency.limits.Limit;
import java.time.Duration;

/**
 * How many requests run at once, on every listener together. A transfer holds up to 256 KiB of
 * buffers on the heap, which the appliance caps (appliance/jvm.options), so the number in flight
 * follows the heap: half of it for buffers at 512 KiB a request, at least 16. Requests beyond that
 * wait their turn; one that waits longer than {@link #QUEUE_TIMEOUT} gets 503 (every S3 client
 * retries it), rather than the server running out of memory under a burst of connections. One
 * client address may hold only a share of the places ({@link ClientShare}).
 */
final class RequestLimit {
    static final long HEAP_PER_REQUEST = 512 * 1024;
    static final int MIN_PERMITS = 16;
    static final int QUEUE_LENGTH = 4096;
    static final Duration QUEUE_TIMEOUT = Duration.ofSeconds(30);

    private RequestLimit() {
    }

    /** Requests allowed at once with a heap of at most {@code maxHeapBytes}. */
    static int permits(long maxHeapBytes) {
        return (int) Math.max(MIN_PERMITS, Math.min(Integer.MAX_VALUE, maxHeapBytes / 2 / HEAP_PER_REQUEST));
    }

    /** Requests allowed at once with this JVM's heap. */
    static int forThisHeap() {
        return permits(Runtime.getRuntime().maxMemory());
    }

    /** The limit of {@code permits} requests at once, to be shared by all listeners. */
    static Limit of(int permits) {
        return FixedLimit.builder()
                .permits(permits)
                .queueLength(QUEUE_LENGTH)
                .queueTimeout(QUEUE_TIMEOUT)
                .build();
    }
}
