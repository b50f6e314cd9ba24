package dev.cubby.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The disk's own figures for the large-object rows: dd writing with a final fsync (as Cubby
 * fsyncs before it answers) and dd reading, 1 and 4 at a time (4: a quarter each), on the filesystem the servers use.
 */
final class DiskBaseline {
    static final String TARGET = "disk";
    private final Path dir;
    private final long size;

    DiskBaseline(Path dir, long size) {
        this.dir = dir;
        this.size = size;
    }

    void run(Results results) throws Exception {
        Files.createDirectories(dir);
        for (int streams : new int[] {1, 4}) {
            long share = size / streams;
            List<List<String>> writes = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                String file = dir.resolve(streams == 1 ? "one" : "part-" + i).toString();
                writes.add(List.of("dd", "if=/dev/zero", "of=" + file, "bs=1M",
                        "count=" + share / 1048576, "conv=fsync", "status=none"));
            }
            results.add(LargeTransfers.NAME, LargeTransfers.variant("PUT", streams, size), TARGET, "MiB/s",
                    size / 1048576.0 / together(writes));
        }
        for (int streams : new int[] {1, 4}) {
            long blocks = size / streams / 1048576;
            List<List<String>> reads = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                reads.add(List.of("dd", "if=" + dir.resolve("one"), "of=/dev/null", "bs=1M",
                        "skip=" + i * blocks, "count=" + blocks, "status=none"));
            }
            results.add(LargeTransfers.NAME, LargeTransfers.variant("GET", streams, size), TARGET, "MiB/s",
                    size / 1048576.0 / together(reads));
        }
    }

    /** Runs the commands at once; the seconds until the last one ends. */
    private static double together(List<List<String>> commands) throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<Process> processes = new ArrayList<>();
        for (List<String> command : commands) {
            processes.add(new ProcessBuilder(command).inheritIO().start());
        }
        for (Process process : processes) {
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException("disk baseline command failed: " + commands);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
