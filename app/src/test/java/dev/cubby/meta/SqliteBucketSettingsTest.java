package dev.cubby.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteBucketSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aSettingIsReplacedSurvivesReopeningAndIsDeleted() {
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            var settings = sidecar.bucketSettings();
            settings.put("photos", BucketSettings.CORS, "<CORSConfiguration/>");
            settings.put("photos", BucketSettings.CORS, "<CORSConfiguration>2</CORSConfiguration>");
            settings.put("photos", BucketSettings.POLICY, "{}");
        }
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            var settings = sidecar.bucketSettings();
            assertEquals(Optional.of("<CORSConfiguration>2</CORSConfiguration>"),
                    settings.find("photos", BucketSettings.CORS));
            assertTrue(settings.delete("photos", BucketSettings.CORS));
            assertFalse(settings.delete("photos", BucketSettings.CORS));
            assertEquals(Optional.empty(), settings.find("photos", BucketSettings.CORS));
            assertEquals(Optional.of("{}"), settings.find("photos", BucketSettings.POLICY));
        }
    }

    @Test
    void deletingABucketForgetsItsSettingsAndNoOtherBucketsOnes() {
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            var settings = sidecar.bucketSettings();
            settings.put("photos", BucketSettings.POLICY, "{\"a\":1}");
            settings.put("photos2", BucketSettings.POLICY, "{\"b\":2}");
            sidecar.deleteBucket("photos");
            assertEquals(Optional.empty(), settings.find("photos", BucketSettings.POLICY));
            assertEquals(Optional.of("{\"b\":2}"), settings.find("photos2", BucketSettings.POLICY));
        }
    }
}
