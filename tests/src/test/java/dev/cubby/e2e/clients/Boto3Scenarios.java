package dev.cubby.e2e.clients;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.e2e.TestServer;
import dev.cubby.e2e.FixtureTree;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * boto3 at its default settings, each scenario of resources/clients/boto3_scenarios.py in a fresh
 * bucket. Each boto3 build (Debian's, the newest) gets a subclass.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
abstract class Boto3Scenarios {
    @TempDir
    Path work;

    abstract TestServer server();

    /** The Python interpreter whose boto3 is under test. */
    abstract String python();

    private void scenario(String name, String bucket) throws Exception {
        Path script = work.resolve("boto3_scenarios.py");
        try (InputStream in = Boto3Scenarios.class.getResourceAsStream("/clients/boto3_scenarios.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, String> env = Map.of(
                "AWS_ACCESS_KEY_ID", TestServer.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", TestServer.SECRET_KEY,
                "AWS_CONFIG_FILE", work.resolve("no-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-credentials").toString());
        String output = ClientProcess.ok(work, env, List.of(python(), script.toString(), name,
                server().endpoint().toString(), bucket, server().root().toString(), work.toString()));
        assertTrue(output.contains("OK " + name), output);
    }

    @Test
    void putHeadRangeCopyAndDeleteObjects() throws Exception {
        scenario("put_head_copy_delete", server().newBucket("boto-objects"));
    }

    @Test
    void uploadFileAndDownloadFileInParts() throws Exception {
        scenario("multipart_transfer", server().newBucket("boto-multipart"));
    }

    @Test
    void presignedPutAndGet() throws Exception {
        scenario("presigned_urls", server().newBucket("boto-presign"));
    }

    @Test
    void conditionalPutWithIfNoneMatchAndIfMatch() throws Exception {
        scenario("conditional_put", server().newBucket("boto-conditional"));
    }

    @Test
    void folderMarkersAndSmallObjectsOnOneConnectionNeverStall() throws Exception {
        scenario("folder_markers_on_one_connection", server().newBucket("boto-markers"));
    }

    @Test
    void filesWrittenIntoTheTreeListWithTheirRealEtags() throws Exception {
        String bucket = server().newBucket("boto-samba");
        FixtureTree.put(server().root(), bucket, "samba/Grüße aus Köln.txt", "grüße\n".getBytes(StandardCharsets.UTF_8));
        FixtureTree.put(server().root(), bucket, "samba/deep/er/photo.jpg", FixtureTree.jpgBytes());
        scenario("samba_files", bucket);
    }
}
