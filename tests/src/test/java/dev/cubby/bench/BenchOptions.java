package dev.cubby.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The bench's command line; {@code --quick} shrinks everything for a smoke run. */
record BenchOptions(int rounds, Duration cell, long largeSize, int listFolders, int listPerFolder, long multipartSize,
        long memoryTransferSize, Set<String> targets, Set<String> workloads, Path out, Path cubbyJar, Path s3proxyJar,
        String nginx, Path jvmOptions, List<String> cubbyJvmArgs, boolean keepWork) {

    static final String USAGE = """
            bench [--quick] [--rounds N] [--cell-seconds S] [--large-mib M] [--list-folders F] [--list-per-folder K]
                  [--targets cubby,s3proxy,nginx,disk] [--workloads start-up,large,multipart,small,list,memory,mount]
                  [--jvm-options appliance/jvm.options] [--cubby-jvm-arg ARG]... [--keep-work] [--out DIR]
                  --cubby-jar JAR --s3proxy-jar JAR [--nginx /usr/sbin/nginx]""";

    static BenchOptions parse(String[] args) {
        int rounds = 3;
        double cellSeconds = 3;
        long largeMib = 1024;
        int folders = 1000;
        int perFolder = 100;
        Set<String> targets = Set.of("cubby", "s3proxy", "nginx", "disk");
        Set<String> workloads = Set.of("start-up", "large", "multipart", "small", "list", "memory", "mount");
        Path out = Path.of("target", "bench");
        Path cubbyJar = null;
        Path s3proxyJar = null;
        String nginx = "/usr/sbin/nginx";
        Path jvmOptions = Path.of("..", "appliance", "jvm.options");
        List<String> jvmArgs = new ArrayList<>();
        boolean quick = false;
        boolean keepWork = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--quick" -> {
                    quick = true;
                    continue;
                }
                case "--keep-work" -> {
                    keepWork = true; // server logs, JFR recordings and data stay in OUT/work
                    continue;
                }
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--cell-seconds" -> cellSeconds = Double.parseDouble(value);
                case "--large-mib" -> largeMib = Long.parseLong(value);
                case "--list-folders" -> folders = Integer.parseInt(value);
                case "--list-per-folder" -> perFolder = Integer.parseInt(value);
                case "--targets" -> targets = Set.of(value.split(","));
                case "--workloads" -> workloads = Set.of(value.split(","));
                case "--out" -> out = Path.of(value);
                case "--cubby-jar" -> cubbyJar = Path.of(value);
                case "--s3proxy-jar" -> s3proxyJar = Path.of(value);
                case "--nginx" -> nginx = value;
                case "--jvm-options" -> jvmOptions = Path.of(value);
                case "--cubby-jvm-arg" -> jvmArgs.add(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\nusage: " + USAGE);
            }
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value\nusage: " + USAGE);
            }
            i++;
        }
        if (quick) {
            rounds = 1;
            cellSeconds = 0.5;
            largeMib = 64;
            folders = 20;
            perFolder = 50;
        }
        if (cubbyJar == null || (targets.contains("s3proxy") && s3proxyJar == null)) {
            throw new IllegalArgumentException("give --cubby-jar and --s3proxy-jar\nusage: " + USAGE);
        }
        long large = largeMib * 1024 * 1024;
        return new BenchOptions(rounds, Duration.ofMillis((long) (cellSeconds * 1000)), large, folders, perFolder,
                large, Math.min(64L * 1024 * 1024, large / 4), targets, workloads, out, cubbyJar, s3proxyJar, nginx, jvmOptions,
                List.copyOf(jvmArgs), keepWork);
    }
}
