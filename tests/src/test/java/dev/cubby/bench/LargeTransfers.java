package dev.cubby.bench;

import java.io.IOException;

/**
 * One large object up and down: with one stream, and with four (four objects of a quarter each
 * for PUT; four ranges of the one object for GET, as parallel downloaders do). PUT comes first,
 * so GET reads what this round wrote.
 */
final class LargeTransfers implements Workload {
    static final String NAME = "large object";
    private final long size;

    LargeTransfers(long size) {
        this.size = size;
    }

    @Override
    public String name() {
        return NAME;
    }

    static String variant(String method, int streams, long size) {
        return method + " " + Bench.bytes(size) + ", " + streams + (streams == 1 ? " stream" : " streams");
    }

    @Override
    public void run(Target target, Results results) throws Exception {
        for (int streams : new int[] {1, 4}) {
            long share = size / streams;
            Load.Outcome put = Load.once(target, streams, (connection, worker, iteration) -> {
                String path = "/" + Target.BUCKET + "/large/" + (streams == 1 ? "one" : "part-" + worker);
                Load.expect(connection.exchange("PUT", path, target.headers(connection, "PUT", path, ""),
                        Bodies.noise(share, worker), false), "PUT " + path, 200, 201, 204);
            });
            record(results, target, variant("PUT", streams, size), put);
        }
        for (int streams : new int[] {1, 4}) {
            long share = size / streams;
            Load.Outcome get = Load.once(target, streams, (connection, worker, iteration) -> {
                String path = "/" + Target.BUCKET + "/large/one";
                long first = worker * share;
                String range = "Range: bytes=" + first + "-" + (first + share - 1);
                HttpConnection.Response response = Load.expect(connection.exchange("GET", path,
                        target.headers(connection, "GET", path, "", range), null, false), "GET " + path, 206, 200);
                if (response.bodyLength() != share) {
                    throw new IOException("GET " + path + " gave " + response.bodyLength() + " bytes, not " + share);
                }
            });
            record(results, target, variant("GET", streams, size), get);
        }
    }

    private void record(Results results, Target target, String variant, Load.Outcome outcome) {
        results.add(NAME, variant, target.name(), "MiB/s", size / 1048576.0 / outcome.seconds());
        results.add(NAME, variant, target.name(), "client CPU %", outcome.clientCpu());
        results.add(NAME, variant, target.name(), "server CPU %", outcome.serverCpu());
    }
}
