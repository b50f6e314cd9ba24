package dev.cubby.server;

import dev.cubby.store.ObjectStore;
import dev.cubby.store.StoreStatistics;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /-/metrics}: the request counters and the store's state in Prometheus' text format
 * (version 0.0.4), which Prometheus, VictoriaMetrics, Grafana Agent and netdata scrape as is.
 */
final class MetricsPage {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final RequestMetrics requests;
    private final ObjectStore store;

    MetricsPage(RequestMetrics requests, ObjectStore store) {
        this.requests = requests;
        this.store = store;
    }

    String render() {
        var out = new StringBuilder(4096);
        Map<String, RequestMetrics.OperationCounters> operations = requests.snapshot();

        family(out, "cubby_requests_total", "counter", "S3 requests answered, by operation and HTTP status.");
        operations.forEach((op, c) -> new TreeMap<>(c.byStatus).forEach((status, n) ->
                sample(out, "cubby_requests_total", "op=\"" + op + "\",status=\"" + status + "\"", n.sum())));
        family(out, "cubby_received_bytes_total", "counter", "Request body bytes read, by operation.");
        operations.forEach((op, c) -> sample(out, "cubby_received_bytes_total", "op=\"" + op + "\"", c.bytesIn.sum()));
        family(out, "cubby_sent_bytes_total", "counter", "Response body bytes sent, by operation.");
        operations.forEach((op, c) -> sample(out, "cubby_sent_bytes_total", "op=\"" + op + "\"", c.bytesOut.sum()));

        family(out, "cubby_request_duration_seconds", "histogram",
                "Time from a request's arrival to the end of its answer, by operation.");
        operations.forEach((op, c) -> {
            long cumulative = 0;
            for (int i = 0; i < RequestMetrics.BOUNDS.length; i++) {
                cumulative += c.latency[i].sum();
                sample(out, "cubby_request_duration_seconds_bucket",
                        "op=\"" + op + "\",le=\"" + RequestMetrics.BOUNDS[i] + "\"", cumulative);
            }
            cumulative += c.latency[RequestMetrics.BOUNDS.length].sum();
            sample(out, "cubby_request_duration_seconds_bucket", "op=\"" + op + "\",le=\"+Inf\"", cumulative);
            out.append("cubby_request_duration_seconds_sum{op=\"").append(op).append("\"} ")
                    .append(c.latencyNanos.sum() / 1e9).append('\n');
            sample(out, "cubby_request_duration_seconds_count", "op=\"" + op + "\"", cumulative);
        });

        StoreStatistics stats = store.statistics();
        gauge(out, "cubby_multipart_uploads_open", "Multipart uploads begun and neither completed nor aborted.",
                stats.openUploads());
        gauge(out, "cubby_sidecar_bytes", "Size of the SQLite sidecar on disk (database and journal).",
                stats.sidecarBytes());
        gauge(out, "cubby_sidecar_objects", "Objects with a sidecar row.", stats.objectRows());
        gauge(out, "cubby_unhashed_files", "Files whose MD5 the background indexer has still to compute.",
                stats.pendingHashes());
        family(out, "cubby_filesystem_free_bytes", "gauge", "Free space on the filesystem holding each bucket.");
        stats.buckets().forEach(b -> sample(out, "cubby_filesystem_free_bytes", bucket(b), b.freeBytes()));
        family(out, "cubby_filesystem_size_bytes", "gauge", "Size of the filesystem holding each bucket.");
        stats.buckets().forEach(b -> sample(out, "cubby_filesystem_size_bytes", bucket(b), b.totalBytes()));
        family(out, "cubby_bucket_quota_bytes", "gauge", "Quota of each bucket that has one.");
        stats.buckets().stream().filter(b -> b.quotaBytes() >= 0)
                .forEach(b -> sample(out, "cubby_bucket_quota_bytes", bucket(b), b.quotaBytes()));
        family(out, "cubby_bucket_used_bytes", "gauge", "Bytes counted against each quota'd bucket's quota.");
        stats.buckets().stream().filter(b -> b.usedBytes() >= 0)
                .forEach(b -> sample(out, "cubby_bucket_used_bytes", bucket(b), b.usedBytes()));

        gauge(out, "cubby_jvm_heap_used_bytes", "Java heap in use.",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        return out.toString();
    }

    private static String bucket(StoreStatistics.BucketRoom room) {
        return "bucket=\"" + escape(room.bucket()) + "\"";
    }

    /** Label values escape backslash, quote and newline; bucket names hold none, but config names may. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        family(out, name, "gauge", help);
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void sample(StringBuilder out, String name, String labels, long value) {
        out.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }
}
