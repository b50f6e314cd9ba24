package dev.cubby.e2e.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.e2e.TestServer;
import dev.cubby.e2e.Digests;
import dev.cubby.e2e.FixtureTree;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a NAS owner does with the AWS CLI, at its default settings (its own multipart threshold,
 * its own checksums), configured only through the environment. Each CLI build gets a subclass.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
abstract class AwsCliScenarios {
    @TempDir
    Path work;

    abstract TestServer server();

    /** The aws executable under test. */
    abstract String binary();

    private String aws(String... args) throws Exception {
        Map<String, String> env = Map.of(
                "AWS_ACCESS_KEY_ID", TestServer.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", TestServer.SECRET_KEY,
                "AWS_DEFAULT_REGION", "us-east-1",
                "AWS_CONFIG_FILE", work.resolve("no-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-credentials").toString(),
                "HOME", work.toString());
        return ClientProcess.ok(work, env,
                ClientProcess.command(binary(), List.of("--endpoint-url", server().endpoint().toString()), args));
    }

    @Test
    void syncUpAndDownIncludingFilesWrittenIntoTheTree() throws Exception {
        String bucket = server().newBucket("cli-sync");
        Path up = Files.createDirectories(work.resolve("up/sub dir"));
        Files.writeString(up.resolve("a.txt"), "alpha\n");
        Files.writeString(work.resolve("up/Grüße – 日本.txt"), "grüße\n");
        Files.write(up.resolve("b.bin"), FixtureTree.seeded(300_000, 3));
        aws("s3", "sync", work.resolve("up").toString(), "s3://" + bucket + "/synced/");
        ClientProcess.assertSameTree(work.resolve("up"), server().root().resolve(bucket).resolve("synced"));
        String listing = aws("s3", "ls", "--recursive", "s3://" + bucket + "/");
        assertTrue(listing.contains("synced/sub dir/b.bin"), listing);

        Path down = work.resolve("down");
        aws("s3", "sync", "s3://" + bucket + "/synced/", down.toString());
        ClientProcess.assertSameTree(work.resolve("up"), down);

        // A bucket of files that only ever arrived "over Samba": listed and synced down whole.
        Path docs = work.resolve("docs");
        aws("s3", "sync", "s3://" + FixtureTree.DOCS, docs.toString());
        ClientProcess.assertSameTree(server().root().resolve(FixtureTree.DOCS), docs);
        assertFalse(aws("s3", "sync", "s3://" + FixtureTree.DOCS, docs.toString()).contains("download"),
                "a second sync must find nothing to fetch");
    }

    @Test
    void copyOf200MebibytesUploadsInPartsAndComesBackWhole() throws Exception {
        String bucket = server().newBucket("cli-big");
        Path big = work.resolve("big.bin");
        writeSeeded(big, 200L * 1024 * 1024);
        aws("s3", "cp", big.toString(), "s3://" + bucket + "/big/big.bin");
        assertEquals(-1L, Files.mismatch(big, server().file(bucket, "big/big.bin")));
        String etag = aws("s3api", "head-object", "--bucket", bucket, "--key", "big/big.bin",
                "--query", "ETag", "--output", "text").strip();
        assertTrue(etag.matches("\"[0-9a-f]{32}-25\""), "default 8 MiB parts give 25: " + etag);
        Path back = work.resolve("back.bin");
        aws("s3", "cp", "s3://" + bucket + "/big/big.bin", back.toString());
        assertEquals(-1L, Files.mismatch(big, back));
        Files.delete(back);
        Files.delete(big);
    }

    @Test
    void s3apiHeadListCopyAndDeleteObjects() throws Exception {
        String bucket = server().newBucket("cli-api");
        Path file = work.resolve("a.txt");
        Files.writeString(file, "alpha\n");
        for (String key : List.of("k/1.txt", "k/2.txt", "k/3.txt")) {
            aws("s3api", "put-object", "--bucket", bucket, "--key", key, "--body", file.toString(),
                    "--content-type", "text/plain");
        }
        String etag = aws("s3api", "head-object", "--bucket", bucket, "--key", "k/1.txt",
                "--query", "ETag", "--output", "text").strip();
        assertEquals("\"" + Digests.md5Hex("alpha\n".getBytes(StandardCharsets.UTF_8)) + "\"", etag);
        // --page-size 2 makes the CLI follow continuation tokens.
        String keys = aws("s3api", "list-objects-v2", "--bucket", bucket, "--page-size", "2",
                "--query", "Contents[].Key", "--output", "text").strip();
        assertEquals(List.of("k/1.txt", "k/2.txt", "k/3.txt"), List.of(keys.split("\\s+")));

        aws("s3api", "copy-object", "--bucket", bucket, "--key", "copied/1.txt",
                "--copy-source", bucket + "/k/1.txt", "--metadata-directive", "REPLACE",
                "--content-type", "text/markdown", "--metadata", "origin=cli");
        assertEquals("alpha\n", Files.readString(server().file(bucket, "copied/1.txt")));
        String head = aws("s3api", "head-object", "--bucket", bucket, "--key", "copied/1.txt");
        assertTrue(head.contains("text/markdown") && head.contains("\"origin\": \"cli\""), head);

        String deleted = aws("s3api", "delete-objects", "--bucket", bucket, "--delete",
                "{\"Objects\":[{\"Key\":\"k/1.txt\"},{\"Key\":\"k/2.txt\"},{\"Key\":\"k/3.txt\"}],\"Quiet\":false}");
        assertTrue(deleted.contains("k/3.txt"), deleted);
        assertFalse(Files.exists(server().root().resolve(bucket).resolve("k")), "emptied folder left behind");
        assertTrue(Files.exists(server().file(bucket, "copied/1.txt")));
    }

    @Test
    void presignedUrlServesTheObjectToAPlainHttpClient() throws Exception {
        String url = aws("s3", "presign", "s3://" + FixtureTree.DOCS + "/" + FixtureTree.UNICODE_KEY,
                "--expires-in", "300").strip();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> got = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, got.statusCode(), () -> new String(got.body(), StandardCharsets.UTF_8));
        assertEquals(-1L, Files.mismatch(server().file(FixtureTree.DOCS, FixtureTree.UNICODE_KEY),
                Files.write(work.resolve("got"), got.body())));
        HttpResponse<byte[]> tampered = http.send(HttpRequest.newBuilder(URI.create(
                url.replace(FixtureTree.DOCS + "/", FixtureTree.PHOTOS + "/"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(403, tampered.statusCode());
    }

    /** Writes {@code size} seeded bytes in 1 MiB steps (a 200 MiB array is not needed). */
    private static void writeSeeded(Path file, long size) throws Exception {
        Random random = new Random(size);
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
    }
}
