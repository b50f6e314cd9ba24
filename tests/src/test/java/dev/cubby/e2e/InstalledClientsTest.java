package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.e2e.clients.ClientMatrix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clients this machine has from Debian, at their default settings, doing what a user does:
 * the AWS CLI (ls, cp, sync both ways, s3api) and boto3 (see clients/boto3_basics.py). .ci/run
 * installs awscli and python3-boto3; a missing client fails the test rather than skipping it.
 */
class InstalledClientsTest {
    @RegisterExtension
    static final CubbyServer server = CubbyServer.withFixtureTree();

    @TempDir
    Path work;

    private record Run(int exit, String output) {
    }

    private Run run(List<String> command) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).redirectErrorStream(true).directory(work.toFile());
        var env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", CubbyServer.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", CubbyServer.SECRET_KEY);
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", work.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-credentials").toString());
        env.remove("AWS_CA_BUNDLE");
        env.remove("AWS_PROFILE");
        Process process = builder.start();
        byte[] out;
        try (InputStream in = process.getInputStream()) {
            out = in.readAllBytes();
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "client did not finish: " + command);
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private Run aws(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("/usr/bin/aws", "--endpoint-url", server.endpoint().toString()));
        command.addAll(List.of(args));
        Run result = run(command);
        assertEquals(0, result.exit(), () -> "aws " + String.join(" ", args) + " failed:\n" + result.output());
        return result;
    }

    @Test
    @ClientMatrix(client = "aws-cli", version = {"/usr/bin/aws", "--version"})
    void debianAwsCliListsCopiesAndSyncsBothWays() throws Exception {
        String bucket = server.newBucket("awscli");
        assertTrue(aws("s3", "ls").output().contains(FixtureTree.PHOTOS));
        Path up = Files.createDirectories(work.resolve("up/sub dir"));
        Files.writeString(up.resolve("a.txt"), "alpha\n");
        Files.writeString(work.resolve("up/Grüße.txt"), "grüße\n");
        Files.write(up.resolve("b.bin"), new byte[300_000]);

        aws("s3", "sync", work.resolve("up").toString(), "s3://" + bucket + "/synced/");
        assertEquals("alpha\n", Files.readString(server.file(bucket, "synced/sub dir/a.txt")));
        assertEquals("grüße\n", Files.readString(server.file(bucket, "synced/Grüße.txt")));

        Run listing = aws("s3", "ls", "--recursive", "s3://" + bucket + "/");
        assertTrue(listing.output().contains("synced/sub dir/b.bin"), listing.output());

        aws("s3", "sync", "s3://" + bucket + "/synced/", work.resolve("down").toString());
        assertEquals(-1L, Files.mismatch(up.resolve("b.bin"), work.resolve("down/sub dir/b.bin")));

        aws("s3", "cp", "s3://" + FixtureTree.PHOTOS + "/" + FixtureTree.README_KEY, work.resolve("readme").toString());
        assertEquals(-1L, Files.mismatch(server.file(FixtureTree.PHOTOS, FixtureTree.README_KEY), work.resolve("readme")));

        String etag = aws("s3api", "head-object", "--bucket", bucket, "--key", "synced/sub dir/a.txt",
                "--query", "ETag", "--output", "text").output().trim();
        assertEquals("\"" + Digests.md5Hex("alpha\n".getBytes(StandardCharsets.UTF_8)) + "\"", etag);

        aws("s3", "rm", "--recursive", "s3://" + bucket + "/synced/");
        assertTrue(aws("s3", "ls", "s3://" + bucket + "/").output().isBlank());
    }

    @Test
    @ClientMatrix(client = "boto3", version = {"/usr/bin/python3", "-c", "import boto3; print(boto3.__version__)"})
    void debianBoto3PutsGetsPresignsListsAndDeletes() throws Exception {
        String bucket = server.newBucket("boto");
        Path script = work.resolve("boto3_basics.py");
        try (InputStream in = getClass().getResourceAsStream("/clients/boto3_basics.py")) {
            Files.copy(in, script);
        }
        Run result = run(List.of("/usr/bin/python3", script.toString(), server.endpoint().toString(), bucket,
                work.toString()));
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("ALL OK"), result.output());
    }
}
