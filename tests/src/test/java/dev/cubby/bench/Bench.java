package dev.cubby.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark: every workload against every target in one run, several rounds, targets
 * alternating within each round, medians and ratios written to a markdown report and SVG charts.
 * Started by {@code bin/cubby-dev bench}; see the README's Performance section.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Results results = new Results();
        Path work = options.out().resolve("work").toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);

        // Cubby runs with the appliance's options (its class-data archive kept across start-ups);
        // s3proxy gets the same heap and otherwise its defaults.
        List<String> cubbyJvm = new ArrayList<>(JvmOptions.read(options.jvmOptions(), work));
        cubbyJvm.addAll(options.cubbyJvmArgs());
        String heapSize = JvmOptions.heap(cubbyJvm);
        List<String> heap = List.of("-Xmx" + heapSize);
        List<Target> targets = new ArrayList<>();
        if (options.targets().contains("cubby")) {
            targets.add(new CubbyTarget(work.resolve("cubby"), options.cubbyJar(), cubbyJvm));
        }
        if (options.targets().contains("s3proxy")) {
            targets.add(new S3ProxyTarget(work.resolve("s3proxy"), options.s3proxyJar(), heap));
        }
        if (options.targets().contains("nginx")) {
            targets.add(new NginxTarget(work.resolve("nginx"), options.nginx()));
        }
        Listings listings = new Listings(options.listFolders(), options.listPerFolder());
        List<Workload> workloads = workloads(options, work, listings);
        DiskBaseline disk = options.targets().contains("disk") && options.workloads().contains("large")
                ? new DiskBaseline(work.resolve("disk"), options.largeSize()) : null;
        try {
            if (options.workloads().contains("list")) {
                for (Target target : targets) {
                    if (listings.supports(target)) {
                        System.out.println("writing the listing trees for " + target.name());
                        listings.writeTrees(target.dataRoot());
                    }
                }
            }
            for (Target target : targets) {
                System.out.println("starting " + target.name());
                target.start();
                awaitIdle(target);
                for (Workload workload : workloads) {
                    if (workload.supports(target)) {
                        System.out.println("preparing " + workload.name() + " on " + target.name());
                        workload.prepare(target);
                    }
                }
            }
            for (int round = 0; round < options.rounds(); round++) {
                System.out.println("round " + (round + 1) + " of " + options.rounds());
                for (Workload workload : workloads) {
                    List<Target> order = rotated(targets, round);
                    for (Target target : order) {
                        if (workload.supports(target)) {
                            awaitIdle(target);
                            flushDirtyPages();
                            workload.run(target, results);
                        }
                    }
                    if (disk != null && workload instanceof LargeTransfers) {
                        flushDirtyPages();
                        disk.run(results);
                    }
                }
            }
        } finally {
            workloads.forEach(Workload::finish);
            targets.forEach(Target::close);
        }
        Report report = new Report(results, options, heapSize, targets.stream().map(Target::name).toList(), disk != null);
        Path markdown = report.write(options.out());
        System.out.println();
        System.out.println(Files.readString(markdown));
        System.out.println("(written to " + markdown.toAbsolutePath() + ")");
        if (!options.keepWork()) {
            deleteTree(work);
        }
    }

    private static List<Workload> workloads(BenchOptions options, Path work, Listings listings) {
        List<Workload> all = new ArrayList<>();
        if (options.workloads().contains("start-up")) {
            all.add(new StartUp(work.resolve("start-up")));
        }
        if (options.workloads().contains("large")) {
            all.add(new LargeTransfers(options.largeSize()));
        }
        if (options.workloads().contains("multipart")) {
            all.add(new MultipartUpload(options.multipartSize()));
        }
        if (options.workloads().contains("small")) {
            all.add(new SmallObjects(options.cell()));
        }
        if (options.workloads().contains("list")) {
            all.add(listings);
        }
        if (options.workloads().contains("mount")) {
            all.add(new MountThroughput(options.largeSize()));
        }
        if (options.workloads().contains("memory") && options.workloads().contains("large")) {
            all.add(new MemoryUnderLoad(options.memoryTransferSize(), options.largeSize()));
        }
        return all;
    }

    /** Each round starts with the next target, so no target always runs on a cold (or warm) machine. */
    private static List<Target> rotated(List<Target> targets, int round) {
        List<Target> order = new ArrayList<>(targets);
        if (!order.isEmpty()) {
            java.util.Collections.rotate(order, -(round % order.size()));
        }
        return order;
    }

    /** Waits (up to 60 s) until the target uses under 5 % of a core, so background work of one step does not bleed into the next. */
    private static void awaitIdle(Target target) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            ProcessStats.CpuMeter meter = new ProcessStats.CpuMeter(target.pids());
            Thread.sleep(500);
            if (meter.stop()[1] < 5) {
                return;
            }
        }
        System.out.println("  (" + target.name() + " still busy after 60 s; going on)");
    }

    /**
     * Writes out what earlier steps left in the page cache, so no target pays for another's
     * writeback: Cubby fsyncs every object it stores, and nginx and s3proxy do not, so without
     * this a Cubby step that follows theirs waits for their data to reach the disk too.
     */
    private static void flushDirtyPages() throws IOException, InterruptedException {
        Process sync = new ProcessBuilder("sync").inheritIO().start();
        if (!sync.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            sync.destroy();
            System.out.println("  (sync still running after 120 s; going on)");
        }
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
    }

    /** 1073741824 → "1 GiB", 65536 → "64 KiB". */
    static String bytes(long size) {
        if (size >= 1L << 30 && size % (1L << 30) == 0) {
            return size / (1L << 30) + " GiB";
        }
        if (size >= 1L << 20 && size % (1L << 20) == 0) {
            return size / (1L << 20) + " MiB";
        }
        if (size >= 1L << 10 && size % (1L << 10) == 0) {
            return size / (1L << 10) + " KiB";
        }
        return size + " B";
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
