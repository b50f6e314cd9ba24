package dev.cubby.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every figure of the run: (workload, variant, target, metric) → one value per round; medians for the report. */
final class Results {
    record Key(String workload, String variant, String target, String metric) {
    }

    private final Map<Key, List<Double>> values = new LinkedHashMap<>();

    synchronized void add(String workload, String variant, String target, String metric, double value) {
        values.computeIfAbsent(new Key(workload, variant, target, metric), k -> new ArrayList<>()).add(value);
        System.out.printf("  %-22s %-26s %-8s %-14s %,.1f%n", workload, variant, target, metric, value);
    }

    synchronized Optional<Double> median(String workload, String variant, String target, String metric) {
        List<Double> list = values.get(new Key(workload, variant, target, metric));
        if (list == null || list.isEmpty()) {
            return Optional.empty();
        }
        List<Double> sorted = new ArrayList<>(list);
        Collections.sort(sorted);
        int n = sorted.size();
        return Optional.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }

    synchronized int rounds(String workload, String variant, String target, String metric) {
        List<Double> list = values.get(new Key(workload, variant, target, metric));
        return list == null ? 0 : list.size();
    }

    /** A row's metrics in first-seen order; the first is the row's headline figure. */
    synchronized List<String> metrics(String workload, String variant) {
        List<String> metrics = new ArrayList<>();
        for (Key key : values.keySet()) {
            if (key.workload().equals(workload) && key.variant().equals(variant) && !metrics.contains(key.metric())) {
                metrics.add(key.metric());
            }
        }
        return metrics;
    }

    /** The (workload, variant) rows in first-seen order. */
    synchronized List<Key> rows() {
        List<Key> rows = new ArrayList<>();
        for (Key key : values.keySet()) {
            Key row = new Key(key.workload(), key.variant(), "", "");
            if (!rows.contains(row)) {
                rows.add(row);
            }
        }
        return rows;
    }
}
