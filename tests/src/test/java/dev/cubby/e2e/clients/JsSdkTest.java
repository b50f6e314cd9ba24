package dev.cubby.e2e.clients;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.e2e.TestServer;
import dev.cubby.e2e.FixtureTree;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The AWS SDK for JavaScript v3 (newest, from npm; pinned in tests/js/package-lock.json) running
 * tests/js/scenarios.mjs under Node.js, each scenario in a fresh bucket.
 */
@ClientMatrix(client = "AWS SDK for JavaScript v3 (@aws-sdk/client-s3)", version = {ClientBinaries.JS_SDK_VERSION})
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class JsSdkTest {
    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree();

    private static void scenario(String name, String bucket) throws Exception {
        Map<String, String> env = Map.of(
                "AWS_ACCESS_KEY_ID", TestServer.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", TestServer.SECRET_KEY,
                "AWS_CONFIG_FILE", server.base().resolve("no-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", server.base().resolve("no-credentials").toString(),
                "CUBBY_ENDPOINT", server.endpoint().toString(),
                "CUBBY_BUCKET", bucket,
                "CUBBY_ROOT", server.root().toString());
        var dir = ClientBinaries.jsScenarios();
        String output = ClientProcess.ok(dir, env, List.of(ClientBinaries.node(), "scenarios.mjs", name));
        assertTrue(output.contains("OK " + name), output);
    }

    @Test
    void putObjectWithMetadataAndDefaultChecksums() throws Exception {
        scenario("putObject", server.newBucket("js-put"));
    }

    @Test
    void libStorageUploadInParallelParts() throws Exception {
        scenario("multipartUpload", server.newBucket("js-multipart"));
    }

    @Test
    void presignedGetAndPutFromTheRequestPresigner() throws Exception {
        scenario("presignedGetAndPut", server.newBucket("js-presign"));
    }

    @Test
    void listObjectsV2PagesOverUploadsAndFilesWrittenIntoTheTree() throws Exception {
        String bucket = server.newBucket("js-list");
        FixtureTree.put(server.root(), bucket, "samba/one.txt", "samba one\n".getBytes(StandardCharsets.UTF_8));
        FixtureTree.put(server.root(), bucket, "samba/Grüße two.txt", "samba two\n".getBytes(StandardCharsets.UTF_8));
        scenario("listPagination", bucket);
    }
}
