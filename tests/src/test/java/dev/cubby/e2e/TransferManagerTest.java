package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.e2e.clients.ClientMatrix;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.CompletedDirectoryDownload;
import software.amazon.awssdk.transfer.s3.model.CompletedDirectoryUpload;
import software.amazon.awssdk.transfer.s3.model.CompletedFileDownload;
import software.amazon.awssdk.transfer.s3.model.CompletedFileUpload;

/**
 * The SDK's S3TransferManager over its multipart S3AsyncClient, with default checksum settings:
 * a file large enough to go up in many parts and come back in ranged or part-numbered GETs, and a
 * small nested folder both ways.
 */
@ClientMatrix(client = "AWS SDK for Java v2", version = ClientMatrix.JAVA_SDK)
class TransferManagerTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    private static final long BIG_SIZE = 120L * MultipartParts.MIB;
    private static final long TIMEOUT_SECONDS = 240;

    private static S3AsyncClient async;
    private static S3TransferManager transfers;

    @BeforeAll
    static void buildTransferManager() {
        async = S3AsyncClient.builder()
                .endpointOverride(server.endpoint())
                .region(TestServer.REGION)
                .forcePathStyle(true)
                .credentialsProvider(TestServer.credentials(TestServer.ACCESS_KEY, TestServer.SECRET_KEY))
                .multipartEnabled(true)
                .build();
        transfers = S3TransferManager.builder().s3Client(async).build();
    }

    @AfterAll
    static void closeTransferManager() {
        if (transfers != null) {
            transfers.close();
        }
        if (async != null) {
            async.close();
        }
    }

    @Test
    @Timeout(value = 2 * TIMEOUT_SECONDS + 60, unit = TimeUnit.SECONDS)
    void largeFileGoesUpInPartsAndComesBackByteExact(@TempDir Path temp) throws Exception {
        String bucket = server.newBucket("tm");
        Path source = randomFile(temp.resolve("source.bin"), BIG_SIZE, 42);
        Path downloaded = temp.resolve("downloaded.bin");

        CompletedFileUpload upload = transfers.uploadFile(u -> u.source(source)
                        .putObjectRequest(p -> p.bucket(bucket).key("backups/big.bin")))
                .completionFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        Path onDisk = server.file(bucket, "backups/big.bin");
        assertEquals(BIG_SIZE, Files.size(onDisk));
        assertEquals(-1L, Files.mismatch(source, onDisk), "the file in the tree holds the uploaded bytes");
        HeadObjectResponse head = server.client().headObject(b -> b.bucket(bucket).key("backups/big.bin"));
        assertEquals(BIG_SIZE, head.contentLength());
        assertEquals(upload.response().eTag(), head.eTag());
        assertTrue(head.eTag().matches("\"[0-9a-f]{32}-[0-9]+\""), "a multipart ETag: " + head.eTag());

        CompletedFileDownload download = transfers.downloadFile(d -> d.destination(downloaded)
                        .getObjectRequest(g -> g.bucket(bucket).key("backups/big.bin")))
                .completionFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertEquals(head.eTag(), download.response().eTag());
        assertEquals(-1L, Files.mismatch(source, downloaded), "the download holds the uploaded bytes");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void nestedFolderUploadsAndDownloadsAsTheSameTree(@TempDir Path temp) throws Exception {
        String bucket = server.newBucket("tmdir");
        Path source = Files.createDirectory(temp.resolve("source"));
        write(source.resolve("top.txt"), "top\n".getBytes(StandardCharsets.UTF_8));
        write(source.resolve("photos/2024/a.jpg"), FixtureTree.seeded(70_000, 5));
        write(source.resolve("photos/2024/b.jpg"), FixtureTree.seeded(10, 6));
        write(source.resolve("docs/Grüße.txt"), "schöne Grüße\n".getBytes(StandardCharsets.UTF_8));
        write(source.resolve("docs/deep/er/file.bin"), FixtureTree.seeded(9 * MultipartParts.MIB, 7));

        CompletedDirectoryUpload up = transfers.uploadDirectory(u -> u.source(source).bucket(bucket).s3Prefix("set"))
                .completionFuture().get(100, TimeUnit.SECONDS);

        assertEquals(List.of(), up.failedTransfers());
        assertEquals(contents(source), contents(server.root().resolve(bucket).resolve("set")));

        Path target = Files.createDirectory(temp.resolve("target"));
        CompletedDirectoryDownload down = transfers.downloadDirectory(d -> d.destination(target).bucket(bucket))
                .completionFuture().get(100, TimeUnit.SECONDS);

        assertEquals(List.of(), down.failedTransfers());
        assertEquals(contents(source), contents(target.resolve("set")));
    }

    /** Random bytes streamed to a file through a bounded buffer. */
    private static Path randomFile(Path file, long size, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] buffer = new byte[MultipartParts.MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += buffer.length) {
                random.nextBytes(buffer);
                out.write(buffer, 0, (int) Math.min(buffer.length, size - written));
            }
        }
        return file;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** Each regular file's relative path with the MD5 of its bytes. */
    private static TreeMap<String, String> contents(Path dir) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(path).toString(), Digests.md5Hex(Files.readAllBytes(path)));
            }
        }
        return files;
    }
}
