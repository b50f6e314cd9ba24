package dev.cubby.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU time and memory of processes, read from /proc (servers) and from the JVM (the bench itself). */
final class ProcessStats {
    /** Linux reports utime/stime in clock ticks; 100 per second on every common kernel build. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessStats() {
    }

    /** CPU time (user + system) used so far by the given processes, in nanoseconds. */
    static long cpuNanos(List<Long> pids) {
        long ticks = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException gone) {
                // a worker that exited: its time is lost, which only understates the server's use
            }
        }
        return ticks * NANOS_PER_TICK;
    }

    /** The bench's own CPU time in nanoseconds. */
    static long selfCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Resident memory of the given processes now (VmRSS summed), in bytes. */
    static long rssBytes(List<Long> pids) {
        return pids.stream().mapToLong(pid -> statusField(pid, "VmRSS:")).sum();
    }

    /** Peak resident memory since start (VmHWM summed), in bytes. */
    static long peakRssBytes(List<Long> pids) {
        return pids.stream().mapToLong(pid -> statusField(pid, "VmHWM:")).sum();
    }

    private static long statusField(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").trim()) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // process exited
        }
        return 0;
    }

    /** CPU use over an interval, as a percentage of one core, for the bench and for a server. */
    static final class CpuMeter {
        private final List<Long> serverPids;
        private final long wallStart = System.nanoTime();
        private final long selfStart = selfCpuNanos();
        private final long serverStart;

        CpuMeter(List<Long> serverPids) {
            this.serverPids = serverPids;
            this.serverStart = cpuNanos(serverPids);
        }

        /** {client %, server %} of one core since this meter was made. */
        double[] stop() {
            double wall = System.nanoTime() - wallStart;
            return new double[] {
                100.0 * (selfCpuNanos() - selfStart) / wall,
                100.0 * (cpuNanos(serverPids) - serverStart) / wall,
            };
        }
    }
}
