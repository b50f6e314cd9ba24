package dev.cubby.bench;

import java.time.Duration;

/**
 * Small objects (4 KiB and 64 KiB) PUT, GET and HEAD at concurrency 1, 16 and 64, each cell for
 * a fixed time over a working set of {@link #KEYS} keys per size: ops/s and p50/p99 latency.
 */
final class SmallObjects implements Workload {
    static final String NAME = "small objects";
    static final int[] SIZES = {4 * 1024, 64 * 1024};
    static final String[] METHODS = {"PUT", "GET", "HEAD"};
    static final int[] CONCURRENCY = {1, 16, 64};
    private static final int KEYS = 1000;

    private final Duration cell;

    SmallObjects(Duration cell) {
        this.cell = cell;
    }

    @Override
    public String name() {
        return NAME;
    }

    static String variant(int size, String method, int concurrency) {
        return Bench.bytes(size) + " " + method + " ×" + concurrency;
    }

    private static String path(int size, long index) {
        return "/" + Target.BUCKET + "/small/" + size / 1024 + "k/" + String.format("%06d", index % KEYS);
    }

    @Override
    public void prepare(Target target) throws Exception {
        for (int size : SIZES) {
            byte[] payload = Bodies.small(size, size);
            Load.once(target, 16, (connection, worker, iteration) -> {
                for (int i = worker; i < KEYS; i += 16) {
                    put(target, connection, size, i, payload);
                }
            });
        }
    }

    private static void put(Target target, HttpConnection connection, int size, long index, byte[] payload)
            throws java.io.IOException {
        String path = path(size, index);
        Load.expect(connection.exchange("PUT", path, target.headers(connection, "PUT", path, ""),
                Bodies.of(payload), false), "PUT " + path, 200, 201, 204);
    }

    @Override
    public void run(Target target, Results results) throws Exception {
        for (int size : SIZES) {
            byte[] payload = Bodies.small(size, size);
            for (String method : METHODS) {
                for (int concurrency : CONCURRENCY) {
                    Load.Outcome outcome = Load.forDuration(target, concurrency, cell, (connection, worker, iteration) -> {
                        long index = worker * 7919L + iteration;
                        if (method.equals("PUT")) {
                            put(target, connection, size, index, payload);
                            return;
                        }
                        String path = path(size, index);
                        HttpConnection.Response response = Load.expect(connection.exchange(method, path,
                                target.headers(connection, method, path, ""), null, false), method + " " + path, 200);
                        if (method.equals("GET") && response.bodyLength() != size) {
                            throw new java.io.IOException("GET " + path + " gave " + response.bodyLength() + " bytes");
                        }
                    });
                    String variant = variant(size, method, concurrency);
                    results.add(NAME, variant, target.name(), "ops/s", outcome.opsPerSecond());
                    results.add(NAME, variant, target.name(), "p50 ms", outcome.latencies().quantileMillis(0.50));
                    results.add(NAME, variant, target.name(), "p99 ms", outcome.latencies().quantileMillis(0.99));
                    results.add(NAME, variant, target.name(), "client CPU %", outcome.clientCpu());
                    results.add(NAME, variant, target.name(), "server CPU %", outcome.serverCpu());
                }
            }
        }
    }
}
