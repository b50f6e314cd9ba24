package dev.cubby.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drives a target with N workers, each on its own keep-alive connection and virtual thread:
 * either for a fixed time (throughput and latency) or for one step each (a transfer).
 */
final class Load {
    /** One request (or one transfer) of one worker; throws when the answer is wrong. */
    interface Step {
        void run(HttpConnection connection, int worker, long iteration) throws IOException;
    }

    record Outcome(long operations, double seconds, Latencies latencies, double clientCpu, double serverCpu) {
        double opsPerSecond() {
            return operations / seconds;
        }
    }

    private Load() {
    }

    static Outcome forDuration(Target target, int workers, Duration duration, Step step) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        return run(target, workers, stop, duration, step);
    }

    /** Every worker runs its step once (iteration 0); the time is until the last one is done. */
    static Outcome once(Target target, int workers, Step step) throws Exception {
        return run(target, workers, null, null, step);
    }

    private static Outcome run(Target target, int workers, AtomicBoolean stop, Duration duration, Step step)
            throws Exception {
        List<Latencies> latencies = new ArrayList<>();
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Latencies mine = new Latencies();
            latencies.add(mine);
            tasks.add(() -> work(target, worker, stop, step, mine));
        }
        ProcessStats.CpuMeter cpu = new ProcessStats.CpuMeter(target.pids());
        long start = System.nanoTime();
        long operations = 0;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> futures = new ArrayList<>();
            for (Callable<Long> task : tasks) {
                futures.add(executor.submit(task));
            }
            if (stop != null) {
                Thread.sleep(duration);
                stop.set(true);
            }
            for (Future<Long> future : futures) {
                operations += future.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] usage = cpu.stop();
        return new Outcome(operations, seconds, Latencies.merge(latencies), usage[0], usage[1]);
    }

    private static long work(Target target, int worker, AtomicBoolean stop, Step step, Latencies latencies)
            throws IOException {
        HttpConnection connection = target.connect();
        long iteration = 0;
        try {
            do {
                if (!connection.isOpen()) {
                    connection.close();
                    connection = target.connect();
                }
                long begin = System.nanoTime();
                step.run(connection, worker, iteration);
                latencies.add(System.nanoTime() - begin);
                iteration++;
            } while (stop != null && !stop.get());
        } finally {
            connection.close();
        }
        return iteration;
    }

    /** Throws unless the status is one of {@code expected}, with the server's answer. */
    static HttpConnection.Response expect(HttpConnection.Response response, String what, int... expected)
            throws IOException {
        for (int status : expected) {
            if (response.status() == status) {
                return response;
            }
        }
        throw new IOException(what + " answered " + response.status() + ": " + response.text());
    }
}
