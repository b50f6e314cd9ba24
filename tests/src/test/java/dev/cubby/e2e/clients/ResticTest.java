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

/** Debian's restic using a repository in a Cubby bucket, step by step in order. */
@ClientMatrix(client = "restic", version = {"restic", "version"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ResticTest {
    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree();

    @TempDir
    static Path work;

    private static String bucket;
    private static Path source;

    @BeforeAll
    static void tree() throws Exception {
        bucket = server.newBucket("restic");
        source = work.resolve("source");
        Files.createDirectories(source.resolve("sub dir/deeper"));
        Files.writeString(source.resolve("notes.txt"), "restic notes\n");
        Files.write(source.resolve("sub dir/deeper/data.bin"), FixtureTree.seeded(500_000, 31));
        Files.writeString(source.resolve("sub dir/Grüße.txt"), "grüße\n");
    }

    private static String restic(String... args) throws Exception {
        String binary = ClientBinaries.debian("restic", "restic");
        Map<String, String> env = Map.of(
                "RESTIC_REPOSITORY", "s3:" + server.endpoint() + "/" + bucket + "/repo",
                "RESTIC_PASSWORD", "cubby-restic-password",
                "RESTIC_CACHE_DIR", work.resolve("cache").toString(),
                "AWS_ACCESS_KEY_ID", TestServer.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", TestServer.SECRET_KEY,
                "AWS_DEFAULT_REGION", "us-east-1");
        return ClientProcess.ok(work, env,
                ClientProcess.command(binary, List.of("-o", "s3.region=us-east-1"), args));
    }

    private static long filesUnder(String key) throws Exception {
        Path dir = server.file(bucket, key);
        return Files.isDirectory(dir) ? ClientProcess.files(dir).size() : 0;
    }

    @Test
    @Order(1)
    void init() throws Exception {
        restic("init");
        assertTrue(Files.isRegularFile(server.file(bucket, "repo/config")), "no repo/config on disk");
        assertEquals(1, filesUnder("repo/keys"));
    }

    @Test
    @Order(2)
    void backup() throws Exception {
        restic("backup", source.toString());
        assertEquals(1, filesUnder("repo/snapshots"));
        assertTrue(filesUnder("repo/data") > 0, "no pack files on disk");
    }

    @Test
    @Order(3)
    void checkReadData() throws Exception {
        String output = restic("check", "--read-data");
        assertTrue(output.contains("no errors were found"), output);
    }

    @Test
    @Order(4)
    void restoreAndCompare() throws Exception {
        Path target = work.resolve("restored");
        restic("restore", "latest", "--target", target.toString());
        ClientProcess.assertSameTree(source, target.resolve(source.toString().substring(1)));
    }

    @Test
    @Order(5)
    void forgetKeepLastOnePrune() throws Exception {
        Files.writeString(source.resolve("second.txt"), "second snapshot\n");
        restic("backup", source.toString());
        assertEquals(2, filesUnder("repo/snapshots"));
        restic("forget", "--keep-last", "1", "--prune");
        assertEquals(1, filesUnder("repo/snapshots"));
        assertFalse(restic("snapshots", "--json").isBlank());
        restic("check");
    }
}
