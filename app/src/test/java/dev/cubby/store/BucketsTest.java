package dev.cubby.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BucketsTest {
    @TempDir
    Path root;
    @TempDir
    Path elsewhere;

    @Test
    void realTopLevelFoldersWithValidNamesAreBucketsAndCarryTheFolderTime() throws Exception {
        Path photos = Files.createDirectories(root.resolve("photos"));
        Files.writeString(root.resolve("notes"), "a file, not a folder");
        Files.createDirectories(root.resolve("Bad_Name"));
        Files.createSymbolicLink(root.resolve("linked"), photos);
        var buckets = new Buckets(root, Map.of());
        Bucket bucket = buckets.find("photos").orElseThrow();
        assertEquals(photos, bucket.dir());
        assertEquals(Files.readAttributes(photos, BasicFileAttributes.class).creationTime().toInstant(), bucket.created());
        assertFalse(bucket.fromConfig());
        assertTrue(buckets.find("notes").isEmpty(), "a file");
        assertTrue(buckets.find("Bad_Name").isEmpty(), "an invalid name");
        assertTrue(buckets.find("linked").isEmpty(), "a top-level link is not followed");
        assertTrue(buckets.find("missing").isEmpty());
        assertEquals(List.of("photos"), buckets.list().stream().map(Bucket::name).toList());
    }

    @Test
    void configuredFoldersAreBucketsThroughLinksWhileTheyExist() throws Exception {
        Path real = Files.createDirectories(elsewhere.resolve("Photos 2024"));
        Path link = Files.createSymbolicLink(elsewhere.resolve("link-to-photos"), real);
        var buckets = new Buckets(root, Map.of("photos", link, "gone", root.resolve("no-such-folder")));
        Bucket bucket = buckets.find("photos").orElseThrow();
        assertTrue(bucket.fromConfig());
        assertEquals(Files.readAttributes(real, BasicFileAttributes.class).creationTime().toInstant(), bucket.created());
        assertTrue(buckets.find("gone").isEmpty());
        assertEquals(List.of("photos"), buckets.list().stream().map(Bucket::name).toList());
        assertEquals("new-bucket", buckets.create("new-bucket").name());
        assertTrue(buckets.find("new-bucket").isPresent());
    }
}
