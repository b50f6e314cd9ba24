package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/** Every S3 request leaves one logfmt line on standard output: who, what, outcome, size, time. */
class AuditLogTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    @Test
    void aWriteAReadAndARefusalEachLeaveOneLine() throws Exception {
        String bucket = server.newBucket("audit");
        String key = "two words/\"quoted\"=x.txt";
        server.client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("12345"));
        server.client().getObjectAsBytes(b -> b.bucket(bucket).key(key));
        RawResponse refused = server.send(server.request("GET", "/" + bucket + "/secret.txt"));
        assertEquals(403, refused.status());

        String put = awaitLine(l -> l.contains(" op=PutObject ") && l.contains("bucket=" + bucket + " "));
        assertTrue(put.startsWith("audit time="), put);
        assertTrue(put.contains(" key=" + TestServer.ACCESS_KEY + " "), put);
        assertTrue(put.contains(" object=\"two words/\\\"quoted\\\"=x.txt\" "), put);
        assertTrue(put.contains(" status=200 "), put);
        assertTrue(put.contains(" client=127.0.0.1:"), put);
        assertTrue(put.matches(".* request=[0-9A-F]+ .* ms=\\d+$"), put);

        String get = awaitLine(l -> l.contains(" op=GetObject ") && l.contains("bucket=" + bucket + " ")
                && l.contains(" key=" + TestServer.ACCESS_KEY));
        assertTrue(get.contains(" out=5 "), get);

        String denied = awaitLine(l -> l.contains("object=secret.txt"));
        assertTrue(denied.contains(" key=- "), denied);
        assertTrue(denied.contains(" status=403 "), denied);
        Instant time = Instant.parse(denied.substring("audit time=".length(), denied.indexOf(' ', 11)));
        assertTrue(Duration.between(time, Instant.now()).abs().toMinutes() < 5, denied);
    }

    @Test
    void secretsAndSignaturesNeverReachTheLog() throws Exception {
        String bucket = server.newBucket("audit-secret");
        server.client().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
        var url = server.presigner().presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket(bucket).key("k"))).url();
        try (var in = url.openStream()) {
            in.readAllBytes();
        }
        awaitLine(l -> l.contains("bucket=" + bucket + " ") && l.contains(" op=GetObject "));
        String log = server.log();
        assertFalse(log.contains(TestServer.SECRET_KEY), "the secret key appears in the log");
        assertFalse(log.contains("X-Amz-Signature"), "a presigned signature appears in the log");
    }

    /** Lines are flushed a few times a second, so wait a little for the one wanted. */
    private static String awaitLine(Predicate<String> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        while (true) {
            List<String> lines = server.log().lines().filter(l -> l.startsWith("audit ")).filter(wanted).toList();
            if (lines.size() == 1) {
                return lines.getFirst();
            }
            if (lines.size() > 1 || Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected one matching audit line, found " + lines.size() + ":\n"
                        + server.log());
            }
            Thread.sleep(50);
        }
    }
}
