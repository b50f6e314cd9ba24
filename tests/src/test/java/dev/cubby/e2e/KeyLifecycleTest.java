package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Keys changed by the real CLI, run as its own process while the server runs: revocation,
 * rotation, expiry and renewal count from the very next request; presigned URLs and share links
 * die with their key; no secret lands in any file of the state folder or in the server's log.
 */
class KeyLifecycleTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty().tree(root -> {
        Files.createDirectories(root.resolve("photos/2024"));
        Files.writeString(root.resolve("photos/2024/beach.jpg"), "beach");
        Files.writeString(root.resolve("photos/2024/other.jpg"), "other");
    });

    private final List<String> secrets = new ArrayList<>();

    private CubbyCli.Key create(String name, String... extra) throws Exception {
        var key = CubbyCli.createKey(server.state(), name, List.of("photos:rw"), extra);
        secrets.add(key.secret());
        return key;
    }

    private static S3Client client(CubbyCli.Key key) {
        return server.client(b -> b.credentialsProvider(TestServer.credentials(key.accessKeyId(), key.secret())));
    }

    private static String get(S3Client client) {
        return client.getObjectAsBytes(b -> b.bucket("photos").key("2024/beach.jpg")).asUtf8String();
    }

    private static HttpResponse<String> fetch(URI url) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void revokedKeyIsRefusedOnTheNextRequest() throws Exception {
        var key = create("laptop");
        S3Client client = client(key);
        assertEquals("beach", get(client));
        CubbyCli.keys(server.state(), "revoke", "laptop").requireSuccess();
        assertS3Error(403, "InvalidAccessKeyId", () -> get(client));
    }

    @Test
    void rotatedSecretReplacesTheOldOneOnTheNextRequest() throws Exception {
        var key = create("rotating");
        S3Client old = client(key);
        assertEquals("beach", get(old));
        var rotated = CubbyCli.keys(server.state(), "rotate", key.accessKeyId()).requireSuccess();
        assertEquals(key.accessKeyId(), rotated.field("access key id"));
        String newSecret = rotated.field("secret access key");
        secrets.add(newSecret);
        assertNotEquals(key.secret(), newSecret);
        assertS3Error(403, "SignatureDoesNotMatch", () -> get(old));
        assertEquals("beach", get(client(new CubbyCli.Key(key.accessKeyId(), newSecret))));
    }

    @Test
    void expiredSessionKeyAnswersExpiredTokenAndRenewalRevivesIt() throws Exception {
        var key = create("job", "--session", "--ttl", "4s");
        S3Client client = client(key);
        assertEquals("beach", get(client));
        Thread.sleep(4500);
        var expired = assertS3Error(400, "ExpiredToken", () -> get(client));
        assertTrue(expired.awsErrorDetails().errorMessage().contains("expired at"), expired.getMessage());
        CubbyCli.keys(server.state(), "renew", "job", "--ttl", "1h").requireSuccess();
        assertEquals("beach", get(client));
    }

    @Test
    void manualKeyWithExpiryStopsWorkingThen() throws Exception {
        var key = create("short", "--expires", "4s");
        S3Client client = client(key);
        assertEquals("beach", get(client));
        Thread.sleep(4500);
        assertS3Error(400, "ExpiredToken", () -> get(client));
    }

    @Test
    void presignedUrlOfARevokedKeyIsRefused() throws Exception {
        var key = create("presigner");
        URI url;
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(server.endpoint())
                .region(TestServer.REGION)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(TestServer.credentials(key.accessKeyId(), key.secret())).build()) {
            url = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofMinutes(10))
                    .getObjectRequest(g -> g.bucket("photos").key("2024/beach.jpg"))).url().toURI();
        }
        assertEquals(200, fetch(url).statusCode());
        CubbyCli.keys(server.state(), "revoke", key.accessKeyId()).requireSuccess();
        var refused = fetch(url);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("InvalidAccessKeyId"), refused.body());
    }

    @Test
    void shareLinkReadsOneObjectUntilRevoked() throws Exception {
        var shared = CubbyCli.run("share", "photos/2024/beach.jpg", "--expires", "1h", "--state",
                server.state().toString(), "--endpoint", server.endpoint().toString()).requireSuccess();
        URI link = URI.create(shared.out().trim());
        var ok = fetch(link);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("beach", ok.body());
        URI sibling = URI.create(link.toString().replace("beach.jpg", "other.jpg"));
        assertEquals(403, fetch(sibling).statusCode(), "the link's signature covers one object");
        var list = CubbyCli.keys(server.state(), "list").requireSuccess();
        assertTrue(list.out().contains("share") && list.out().contains("photos/2024/beach.jpg"), list.out());
        String shareKey = link.getQuery().replaceAll(".*X-Amz-Credential=([A-Z0-9]+)/.*", "$1");
        CubbyCli.keys(server.state(), "revoke", shareKey).requireSuccess();
        var revoked = fetch(link);
        assertEquals(403, revoked.statusCode());
        assertTrue(revoked.body().contains("InvalidAccessKeyId"), revoked.body());
    }

    @Test
    void shareLinkDiesWhenItExpires() throws Exception {
        var shared = CubbyCli.run("share", "photos/2024/beach.jpg", "--expires", "4s", "--state",
                server.state().toString(), "--endpoint", server.endpoint().toString()).requireSuccess();
        URI link = URI.create(shared.out().trim());
        assertEquals(200, fetch(link).statusCode());
        Thread.sleep(4500);
        var expired = fetch(link);
        assertTrue(expired.statusCode() == 400 || expired.statusCode() == 403, expired.body());
        assertTrue(expired.body().contains("ExpiredToken") || expired.body().contains("expired"), expired.body());
    }

    @Test
    void badCommandLinesGetClearErrors() throws Exception {
        var badGrant = CubbyCli.keys(server.state(), "create", "--name", "x", "--grant", "Photos:rw");
        assertEquals(2, badGrant.exitCode());
        assertTrue(badGrant.err().contains("not a valid bucket name"), badGrant.err());
        var badAccess = CubbyCli.keys(server.state(), "create", "--name", "x", "--grant", "photos:write");
        assertEquals(2, badAccess.exitCode());
        assertTrue(badAccess.err().contains("ro (read-only) or rw"), badAccess.err());
        var unknown = CubbyCli.keys(server.state(), "revoke", "CUBKNOSUCHKEY0000000");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("no access key"), unknown.err());
        var tooLong = CubbyCli.run("share", "photos/2024/beach.jpg", "--expires", "8d", "--state",
                server.state().toString());
        assertEquals(2, tooLong.exitCode());
        assertTrue(tooLong.err().contains("at most 7d"), tooLong.err());
    }

    @Test
    void createPrintsReadyToPasteConfigsAndListNeverShowsASecret() throws Exception {
        var created = CubbyCli.keys(server.state(), "create", "--name", "nas-laptop", "--grant", "photos/2024/:rw",
                "--endpoint", "http://nas.local:9000").requireSuccess();
        String secret = created.field("secret access key");
        secrets.add(secret);
        String out = created.out();
        assertTrue(out.contains("[nas-laptop]\ntype = s3\nprovider = Other\naccess_key_id = "), out);
        assertTrue(out.contains("endpoint = http://nas.local:9000"), out);
        assertTrue(out.contains("[profile nas-laptop]") && out.contains("endpoint_url = http://nas.local:9000"), out);
        assertTrue(out.contains("aws_secret_access_key = " + secret), out);
        assertTrue(out.contains("RESTIC_REPOSITORY=s3:http://nas.local:9000/photos/2024"), out);
        var list = CubbyCli.keys(server.state(), "list").requireSuccess();
        assertTrue(list.out().contains(created.field("access key id")), list.out());
        assertTrue(list.out().contains("photos/2024/:rw"), list.out());
        assertFalse(list.out().contains(secret), "keys list never shows a secret");
    }

    @Test
    void noSecretInAnyFileOfTheStateFolderNorInTheServerLog() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals("beach", get(client(create("scan" + i))));
        }
        var rotated = CubbyCli.keys(server.state(), "rotate", "scan0").requireSuccess();
        secrets.add(rotated.field("secret access key"));
        assertTrue(Files.exists(server.state().resolve("keys.db")));
        assertTrue(Files.exists(server.state().resolve("master.key")));
        try (Stream<Path> files = Files.walk(server.state())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertFalse(content.contains(secret), file + " holds a secret");
                    assertFalse(content.contains(Base64.getEncoder().encodeToString(
                            secret.getBytes(StandardCharsets.UTF_8))), file + " holds a secret in base64");
                }
            }
        }
        String log = server.log();
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "the server log holds a secret");
        }
    }

    @Test
    void publicReadIsOffByDefault() throws IOException {
        S3Assert.assertS3Error(server.send(server.request("GET", "/photos/2024/beach.jpg")), 403, "AccessDenied");
    }

    @Test
    void keysMadeWhileRunningWorkWithoutARestart() throws Exception {
        var key = create("fresh");
        client(key).putObject(b -> b.bucket("photos").key("fresh.txt"), RequestBody.fromString("fresh"));
        assertEquals("fresh", Files.readString(server.file("photos", "fresh.txt")));
    }
}
