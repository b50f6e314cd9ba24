package dev.cubby.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Resident memory of the server while {@link #TRANSFERS} large transfers run at once (half
 * GETs of ranges of the large object, half PUTs), sampled every 20 ms; and its peak since start
 * (the kernel's high-water mark). The heap is whatever the target was started with.
 */
final class MemoryUnderLoad implements Workload {
    static final String NAME = "memory";
    static final int TRANSFERS = 64;
    private final long each;
    private final long largeObject;

    /** {@code largeObject}: the size of the object {@link LargeTransfers} left, whose ranges are read. */
    MemoryUnderLoad(long each, long largeObject) {
        this.each = Math.min(each, largeObject);
        this.largeObject = largeObject;
    }

    @Override
    public String name() {
        return NAME;
    }

    String variant() {
        return TRANSFERS + " concurrent transfers of " + Bench.bytes(each);
    }

    @Override
    public void run(Target target, Results results) throws Exception {
        List<Long> pids = target.pids();
        AtomicLong peak = new AtomicLong(ProcessStats.rssBytes(pids));
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(ProcessStats.rssBytes(pids), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            Load.once(target, TRANSFERS, (connection, worker, iteration) -> {
                if (worker % 2 == 0) {
                    String path = "/" + Target.BUCKET + "/memory/put-" + worker;
                    Load.expect(connection.exchange("PUT", path, target.headers(connection, "PUT", path, ""),
                            Bodies.noise(each, worker), false), "PUT " + path, 200, 201, 204);
                } else {
                    String path = "/" + Target.BUCKET + "/large/one";
                    long first = (worker / 2) * each % (largeObject - each + 1);
                    String range = "Range: bytes=" + first + "-" + (first + each - 1);
                    HttpConnection.Response response = Load.expect(connection.exchange("GET", path,
                            target.headers(connection, "GET", path, "", range), null, false), "GET " + path, 206);
                    if (response.bodyLength() != each) {
                        throw new IOException("short GET: " + response.bodyLength());
                    }
                }
            });
        } finally {
            done.set(true);
            sampler.join();
        }
        results.add(NAME, variant(), target.name(), "peak RSS MiB", peak.get() / 1048576.0);
        results.add(NAME, variant(), target.name(), "RSS high-water MiB", ProcessStats.peakRssBytes(pids) / 1048576.0);
    }
}
