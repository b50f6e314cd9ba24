package dev.cubby.e2e.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.e2e.TestServer;
import dev.cubby.e2e.FixtureTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Debian's s3cmd with a path-style, SigV4, plain-http .s3cfg, from mb to rb in order. */
@ClientMatrix(client = "s3cmd", version = {"s3cmd", "--version"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class S3cmdTest {
    private static final String BUCKET = "s3cmd-made";

    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree();

    @TempDir
    static Path work;

    private static Path config;
    private static Path big;

    @BeforeAll
    static void configure() throws Exception {
        String host = "127.0.0.1:" + server.port();
        config = work.resolve(".s3cfg");
        Files.writeString(config, String.join("\n",
                "[default]",
                "access_key = " + TestServer.ACCESS_KEY,
                "secret_key = " + TestServer.SECRET_KEY,
                "host_base = " + host,
                "host_bucket = " + host,
                "use_https = False",
                "signature_v2 = False",
                "bucket_location = us-east-1",
                ""));
        big = work.resolve("big.bin");
        Files.write(big, FixtureTree.seeded(30 * 1024 * 1024, 30));
    }

    private static String s3cmd(String... args) throws Exception {
        String binary = ClientBinaries.debian("s3cmd", "s3cmd");
        return ClientProcess.ok(work, Map.of("HOME", work.toString()),
                ClientProcess.command(binary, List.of("-c", config.toString()), args));
    }

    @Test
    @Order(1)
    void makeBucket() throws Exception {
        s3cmd("mb", "s3://" + BUCKET);
        assertTrue(Files.isDirectory(server.root().resolve(BUCKET)), "no bucket folder on disk");
        assertTrue(s3cmd("ls").contains("s3://" + BUCKET));
    }

    @Test
    @Order(2)
    void multipartPutOf30Megabytes() throws Exception {
        String output = s3cmd("put", "--progress", big.toString(), "s3://" + BUCKET + "/big/big.bin");
        assertTrue(output.contains("part 2 of 2"), output);
        assertEquals(-1L, Files.mismatch(big, server.file(BUCKET, "big/big.bin")));
    }

    @Test
    @Order(3)
    void listAndGet() throws Exception {
        String listing = s3cmd("ls", "--recursive", "s3://" + BUCKET);
        assertTrue(listing.contains("s3://" + BUCKET + "/big/big.bin"), listing);
        Path got = work.resolve("got.bin");
        s3cmd("get", "s3://" + BUCKET + "/big/big.bin", got.toString());
        assertEquals(-1L, Files.mismatch(big, got));
    }

    @Test
    @Order(4)
    void syncAndInfo() throws Exception {
        Path dir = Files.createDirectories(work.resolve("sync/sub dir"));
        Files.writeString(dir.resolve("a.txt"), "alpha\n");
        Files.writeString(work.resolve("sync/Grüße.txt"), "grüße\n");
        s3cmd("sync", work.resolve("sync").toString() + "/", "s3://" + BUCKET + "/synced/");
        assertEquals("alpha\n", Files.readString(server.file(BUCKET, "synced/sub dir/a.txt")));
        assertEquals("grüße\n", Files.readString(server.file(BUCKET, "synced/Grüße.txt")));
        String info = s3cmd("info", "s3://" + BUCKET + "/synced/sub dir/a.txt");
        assertTrue(info.contains("File size: 6"), info);
        s3cmd("sync", "s3://" + BUCKET + "/synced/", work.resolve("synced-down").toString() + "/");
        ClientProcess.assertSameTree(work.resolve("sync"), work.resolve("synced-down"));
    }

    @Test
    @Order(5)
    void deleteAndRemoveBucket() throws Exception {
        s3cmd("del", "s3://" + BUCKET + "/big/big.bin");
        assertFalse(Files.exists(server.file(BUCKET, "big/big.bin")), "deleted object still on disk");
        s3cmd("del", "--recursive", "--force", "s3://" + BUCKET + "/synced/");
        assertFalse(Files.exists(server.file(BUCKET, "synced/sub dir/a.txt")), "deleted object still on disk");
        s3cmd("rb", "s3://" + BUCKET);
        assertFalse(Files.exists(server.root().resolve(BUCKET)), "removed bucket still on disk");
    }
}
