package dev.cubby.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Random;

/**
 * The folder tree a NAS already holds before Cubby is first started over it: files written by
 * Samba or the shell, with no sidecar rows, a nested folder, a name with spaces and non-ASCII
 * letters, an empty folder, and top-level entries that are not buckets.
 */
public final class FixtureTree {
    public static final String PHOTOS = "photos";
    public static final String DOCS = "docs";

    public static final String JPG_KEY = "2024/a.jpg";
    public static final String README_KEY = "readme.txt";
    public static final String EMPTY_DIR_KEY = "empty-dir/";
    public static final String DEEP_KEY = "nested/deep/file.bin";
    public static final String UNICODE_KEY = "Grüße and spaces.txt";

    /** A top-level folder whose name is not a valid bucket name: never listed as a bucket. */
    public static final String NOT_A_BUCKET_FOLDER = "Not A Bucket";
    /** A plain file at the top of the tree: never a bucket. */
    public static final String LOOSE_FILE = "loose.txt";

    /** The modification time every pre-existing file carries, so Last-Modified is predictable. */
    public static final Instant MTIME = Instant.parse("2024-05-01T12:00:00Z");

    private FixtureTree() {
    }

    public static void write(Path root) throws IOException {
        put(root, PHOTOS, JPG_KEY, jpgBytes());
        put(root, PHOTOS, README_KEY, readmeBytes());
        Files.createDirectories(root.resolve(PHOTOS).resolve("empty-dir"));
        put(root, DOCS, DEEP_KEY, deepBytes());
        put(root, DOCS, UNICODE_KEY, unicodeBytes());
        Path notABucket = Files.createDirectories(root.resolve(NOT_A_BUCKET_FOLDER));
        Files.writeString(notABucket.resolve("inside.txt"), "not served\n");
        Files.writeString(root.resolve(LOOSE_FILE), "a file, not a bucket\n");
    }

    public static byte[] jpgBytes() {
        byte[] bytes = seeded(3_000, 7);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        return bytes;
    }

    public static byte[] readmeBytes() {
        return "Photos from the NAS.\n".getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] deepBytes() {
        return seeded(70_000, 11);
    }

    public static byte[] unicodeBytes() {
        return "Hallo Welt, schöne Grüße.\n".getBytes(StandardCharsets.UTF_8);
    }

    /** Deterministic pseudo-random bytes, so a failing comparison is reproducible. */
    public static byte[] seeded(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Writes {@code bytes} at root/bucket/key as a plain file, creating folders, with {@link #MTIME}. */
    public static Path put(Path root, String bucket, String key, byte[] bytes) throws IOException {
        Path file = root.resolve(bucket).resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.from(MTIME));
        return file;
    }
}
