package dev.cubby.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the benchmark runnable: a --quick run against Cubby and the disk must produce a report
 * with a row for every workload. No figure is checked (timings are never asserted in tests).
 */
class BenchSmokeTest {
    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void quickRunWritesAReportWithEveryWorkload(@TempDir Path out) throws Exception {
        Bench.main(new String[] {"--quick", "--targets", "cubby,disk", "--out", out.toString(),
            "--cubby-jar", System.getProperty("cubby.jar")});
        String report = Files.readString(out.resolve("bench.md"));
        for (String section : new String[] {"## start-up", "## large object", "## multipart upload",
            "## small objects", "## list", "## memory", "## mount: sequential throughput"}) {
            assertTrue(report.contains(section), section + " missing from\n" + report);
        }
        assertTrue(report.contains("| 4 KiB GET ×16 | ops/s |"), report);
        assertTrue(Files.size(out.resolve("small-objects-ops.svg")) > 1000);
        assertTrue(Files.notExists(out.resolve("work")), "the bench must clean up its servers' trees");
    }
}
