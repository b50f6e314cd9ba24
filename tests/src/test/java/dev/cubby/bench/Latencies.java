package dev.cubby.bench;

import java.util.Arrays;

/** Request latencies of one worker, in nanoseconds, merged across workers for percentiles. */
final class Latencies {
    private long[] samples = new long[4096];
    private int count;

    void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    int count() {
        return count;
    }

    static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.count; i++) {
                all.add(part.samples[i]);
            }
        }
        Arrays.sort(all.samples, 0, all.count);
        return all;
    }

    /** The q-quantile in milliseconds (q in 0..1) of merged, sorted samples. */
    double quantileMillis(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(count - 1, Math.ceil(q * count) - 1);
        return samples[Math.max(0, index)] / 1e6;
    }
}
