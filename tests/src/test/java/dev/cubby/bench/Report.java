package dev.cubby.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The bench's output: bench.md (machine, settings, one table per workload with the median of the
 * rounds for each target and Cubby's ratio to each other target) and two SVG charts of the
 * small-object figures against concurrency.
 */
final class Report {
    private final Results results;
    private final BenchOptions options;
    private final List<String> targets;

    private final String heap;

    Report(Results results, BenchOptions options, String heap, List<String> servers, boolean disk) {
        this.results = results;
        this.heap = heap;
        this.options = options;
        this.targets = new ArrayList<>(servers);
        if (disk) {
            targets.add(DiskBaseline.TARGET);
        }
    }

    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path markdown = dir.resolve("bench.md");
        Files.writeString(markdown, markdown());
        Files.writeString(dir.resolve("small-objects-ops.svg"), chart("ops/s", "Small objects: operations per second (median of rounds)"));
        Files.writeString(dir.resolve("small-objects-p99.svg"), chart("p99 ms", "Small objects: p99 latency in ms (median of rounds)"));
        return markdown;
    }

    private String markdown() {
        StringBuilder out = new StringBuilder("# Cubby benchmark\n\n");
        out.append(machine()).append('\n');
        out.append(String.format(Locale.ROOT, "Settings: %d round(s), targets alternating, dirty pages written out (sync) before each step; small-object cells of %.1f s; "
                + "Cubby with appliance/jvm.options (heap -Xmx%s), s3proxy with the same heap; figures are medians of the rounds. Every request to an S3 target is "
                + "SigV4-signed (UNSIGNED-PAYLOAD, as SDKs send over plain HTTP when told not to hash); "
                + "Cubby computes MD5 and CRC64NVME of every body it stores. CPU %% is of one core, "
                + "for the load generator (client) and the server.%n%n", options.rounds(),
                options.cell().toMillis() / 1000.0, heap));
        String workload = null;
        for (Results.Key row : results.rows()) {
            if (!row.workload().equals(workload)) {
                workload = row.workload();
                out.append("\n## ").append(workload).append("\n\n");
                header(out);
            }
            row(out, row.workload(), row.variant());
        }
        out.append("\nCharts: [operations per second](small-objects-ops.svg), [p99 latency](small-objects-p99.svg).\n");
        return out.toString();
    }

    private void header(StringBuilder out) {
        out.append("| variant | unit |");
        targets.forEach(t -> out.append(' ').append(t).append(" |"));
        others().forEach(t -> out.append(" cubby ÷ ").append(t).append(" |"));
        out.append(" details |\n|---|---|");
        targets.forEach(t -> out.append("---:|"));
        others().forEach(t -> out.append("---:|"));
        out.append("---|\n");
    }

    private List<String> others() {
        return targets.stream().filter(t -> !t.equals("cubby")).toList();
    }

    private void row(StringBuilder out, String workload, String variant) {
        List<String> metrics = results.metrics(workload, variant);
        String headline = metrics.get(0);
        out.append("| ").append(variant).append(" | ").append(headline).append(" |");
        Map<String, Double> values = new LinkedHashMap<>();
        for (String target : targets) {
            Optional<Double> value = results.median(workload, variant, target, headline);
            value.ifPresent(v -> values.put(target, v));
            out.append(' ').append(value.map(Report::number).orElse("—")).append(" |");
        }
        for (String other : others()) {
            Double cubby = values.get("cubby");
            Double theirs = values.get(other);
            out.append(' ').append(cubby == null || theirs == null || theirs == 0 ? "—"
                    : String.format(Locale.ROOT, "%.2f×", lowerIsBetter(headline) ? theirs / cubby : cubby / theirs))
                    .append(" |");
        }
        List<String> details = new ArrayList<>();
        for (String target : targets) {
            List<String> parts = new ArrayList<>();
            for (String metric : metrics.subList(1, metrics.size())) {
                results.median(workload, variant, target, metric).ifPresent(v -> parts.add(metric + " " + number(v)));
            }
            if (!parts.isEmpty()) {
                details.add(target + ": " + String.join(", ", parts));
            }
        }
        out.append(' ').append(String.join("; ", details)).append(" |\n");
    }

    /** Latencies, seconds and memory: a smaller figure is the better one, so the ratio is inverted. */
    private static boolean lowerIsBetter(String metric) {
        return metric.equals("ms") || metric.equals("s") || metric.contains("MiB") && !metric.contains("/s");
    }

    private String chart(String metric, String title) {
        SvgChart chart = new SvgChart(title, metric);
        List<String> xLabels = new ArrayList<>();
        for (int c : SmallObjects.CONCURRENCY) {
            xLabels.add(Integer.toString(c));
        }
        for (int size : SmallObjects.SIZES) {
            for (String method : SmallObjects.METHODS) {
                Map<String, double[]> series = new LinkedHashMap<>();
                for (String target : targets) {
                    double[] values = new double[SmallObjects.CONCURRENCY.length];
                    boolean any = false;
                    for (int i = 0; i < values.length; i++) {
                        String variant = SmallObjects.variant(size, method, SmallObjects.CONCURRENCY[i]);
                        values[i] = results.median(SmallObjects.NAME, variant, target, metric).orElse(Double.NaN);
                        any |= !Double.isNaN(values[i]);
                    }
                    if (any) {
                        series.put(target, values);
                    }
                }
                chart.add(new SvgChart.Panel(Bench.bytes(size) + " " + method, xLabels, series));
            }
        }
        return chart.render();
    }

    private String machine() {
        String cpu = "unknown CPU";
        long memory = 0;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L) / 1024 / 1024;
        } catch (IOException | RuntimeException e) {
            // not Linux: leave the defaults
        }
        String filesystem = "?";
        try {
            filesystem = Files.getFileStore(options.out().toAbsolutePath()).type();
        } catch (IOException e) {
            // unknown
        }
        return String.format(Locale.ROOT, "Taken %s on %s, %d cores, %d GiB RAM, Linux %s, %s filesystem, Java %s "
                + "(servers and load generator on the same machine, over loopback).%n", LocalDate.now(), cpu,
                Runtime.getRuntime().availableProcessors(), memory, System.getProperty("os.version"), filesystem,
                System.getProperty("java.version"));
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
