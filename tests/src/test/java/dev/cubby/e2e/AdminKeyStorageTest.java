package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Without CUBBY_ACCESS_KEY_ID the admin key is generated on first start, printed once and kept
 * only sealed in the key store; an admin-key.properties file left by an older version is moved
 * into the store and deleted.
 */
class AdminKeyStorageTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty()
            .env("CUBBY_ACCESS_KEY_ID", "").env("CUBBY_SECRET_ACCESS_KEY", "")
            .tree(root -> Files.createDirectories(root.resolve("photos")));

    private static String printed(String label) {
        var m = Pattern.compile(Pattern.quote(label) + ":\\s+(\\S+)").matcher(server.log());
        assertTrue(m.find(), "no " + label + " in the log:\n" + server.log());
        return m.group(1);
    }

    private static S3Client client(String id, String secret) {
        return server.client(b -> b.credentialsProvider(TestServer.credentials(id, secret)));
    }

    @Test
    void generatedAdminKeyIsStoredSealedAndMovedLegacyFilesAreDeleted() throws Exception {
        String id = printed("access key id");
        String secret = printed("secret access key");
        client(id, secret).createBucket(b -> b.bucket("made-by-admin"));
        assertTrue(CubbyCli.keys(server.state(), "list").requireSuccess().out().contains(id));
        assertNoFileHolds(secret);

        Path legacy = server.state().resolve("admin-key.properties");
        String legacySecret = "legacySecret/0123456789+abcdefghijklmnop";
        Files.writeString(legacy, "access_key_id=CUBKLEGACYADMIN00000\nsecret_access_key=" + legacySecret + "\n");
        server.restart();
        assertFalse(Files.exists(legacy), "the plain-text file is deleted");
        assertTrue(server.log().contains("Moved the admin key from admin-key.properties"));
        client("CUBKLEGACYADMIN00000", legacySecret).listBuckets();
        client(id, secret).listBuckets();
        assertNoFileHolds(legacySecret);
        assertNoFileHolds(secret);

        // Moving to an admin key from the environment leaves the stored ones valid: the start says so.
        server.env("CUBBY_ACCESS_KEY_ID", TestServer.ACCESS_KEY).env("CUBBY_SECRET_ACCESS_KEY", TestServer.SECRET_KEY);
        server.restart();
        for (String stored : new String[] {id, "CUBKLEGACYADMIN00000"}) {
            assertTrue(server.log().contains("the stored admin key " + stored + " is still valid"), server.log());
        }
        client(TestServer.ACCESS_KEY, TestServer.SECRET_KEY).listBuckets();
    }

    private static void assertNoFileHolds(String secret) throws Exception {
        try (Stream<Path> files = Files.walk(server.state())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(secret),
                        file + " holds a secret");
            }
        }
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(server.state())));
    }
}
