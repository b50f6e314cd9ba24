package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Requests that must be refused before they touch the tree: wrong or unknown keys, no signature,
 * a body or header changed after signing, a clock far off. Each gets its S3 error and changes
 * nothing on disk.
 */
class AuthRejectionTest {
    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree();

    private static final String WRONG_SECRET = "wrongSecretWrongSecretWrongSecret0123456";

    @Test
    void wrongSecretAnswersSignatureDoesNotMatchAndStoresNothing() {
        S3Client wrong = server.client(b -> b.credentialsProvider(
                TestServer.credentials(TestServer.ACCESS_KEY, WRONG_SECRET)));
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(403, "SignatureDoesNotMatch", () -> wrong.putObject(
                b -> b.bucket(FixtureTree.PHOTOS).key("intruder.txt"), RequestBody.fromString("intrusion")));
        assertS3Error(403, "SignatureDoesNotMatch", () -> wrong.getObjectAsBytes(
                b -> b.bucket(FixtureTree.PHOTOS).key(FixtureTree.README_KEY)));
        assertS3Error(403, "SignatureDoesNotMatch", () -> wrong.deleteObject(
                b -> b.bucket(FixtureTree.PHOTOS).key(FixtureTree.README_KEY)));

        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @Test
    void unknownAccessKeyAnswersInvalidAccessKeyId() {
        S3Client unknown = server.client(b -> b.credentialsProvider(
                TestServer.credentials("AKIDUNKNOWNKEY000000", TestServer.SECRET_KEY)));
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(403, "InvalidAccessKeyId", () -> unknown.putObject(
                b -> b.bucket(FixtureTree.PHOTOS).key("intruder.txt"), RequestBody.fromString("intrusion")));
        assertS3Error(403, "InvalidAccessKeyId", () -> unknown.listBuckets());

        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/photos", "/photos/readme.txt", "/photos?list-type=2"})
    void anonymousReadAnswersAccessDenied(String target) throws IOException {
        RawResponse response = server.send(server.request("GET", target));

        S3Assert.assertS3Error(response, 403, "AccessDenied");
        assertFalse(response.text().contains("Photos from the NAS"), "nothing of the object leaks");
    }

    @Test
    void anonymousWritesAnswerAccessDeniedAndChangeNothing() throws IOException {
        TreeSnapshot before = TreeSnapshot.of(server.base());

        S3Assert.assertS3Error(server.send(server.request("PUT", "/photos/anonymous.txt")
                .withBody("anonymous".getBytes(StandardCharsets.UTF_8))), 403, "AccessDenied");
        S3Assert.assertS3Error(server.send(server.request("DELETE", "/photos/readme.txt")), 403, "AccessDenied");
        S3Assert.assertS3Error(server.send(server.request("PUT", "/anonymous-bucket")), 403, "AccessDenied");

        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @Test
    void bodyChangedAfterSigningAnswersXAmzContentSha256MismatchAndStoresNothing() throws IOException {
        TreeSnapshot before = TreeSnapshot.of(server.base());
        RawRequest signed = server.signer().sign(server.request("PUT", "/photos/tampered.txt")
                .withBody("the signed body".getBytes(StandardCharsets.UTF_8)));

        RawResponse response = server.send(signed.withBody("a forged body!!".getBytes(StandardCharsets.UTF_8)));

        S3Assert.assertS3Error(response, 400, "XAmzContentSHA256Mismatch");
        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @Test
    void bodyChangedAfterSigningKeepsThePreviousObject() throws IOException {
        String bucket = server.newBucket("tamper");
        server.client().putObject(b -> b.bucket(bucket).key("kept.txt"), RequestBody.fromString("previous"));
        TreeSnapshot before = TreeSnapshot.of(server.base());
        byte[] large = FixtureTree.seeded(1_000_000, 41);
        RawRequest signed = server.signer().sign(server.request("PUT", "/" + bucket + "/kept.txt").withBody(large));
        byte[] forged = large.clone();
        forged[forged.length - 1] ^= 1;

        RawResponse response = server.send(signed.withBody(forged));

        S3Assert.assertS3Error(response, 400, "XAmzContentSHA256Mismatch");
        assertEquals(before, TreeSnapshot.of(server.base()), "previous object intact, no temporary file left");
        assertEquals("previous", Files.readString(server.file(bucket, "kept.txt")));
    }

    @Test
    void signedHeaderChangedAfterSigningAnswersSignatureDoesNotMatch() throws IOException {
        TreeSnapshot before = TreeSnapshot.of(server.base());
        RawRequest signed = server.signer().sign(server.request("PUT", "/photos/header.txt")
                .withHeader("x-amz-meta-note", "signed").withBody("body".getBytes(StandardCharsets.UTF_8)));

        RawResponse response = server.send(signed.withHeader("x-amz-meta-note", "forged"));

        S3Assert.assertS3Error(response, 403, "SignatureDoesNotMatch");
        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @Test
    void pathChangedAfterSigningAnswersSignatureDoesNotMatch() throws IOException {
        RawRequest signed = server.signer().sign(server.request("GET", "/photos/readme.txt"));

        RawResponse response = server.send(new RawRequest("GET", "/photos/2024/a.jpg", signed.headers(), null));

        S3Assert.assertS3Error(response, 403, "SignatureDoesNotMatch");
    }

    @ParameterizedTest
    @ValueSource(longs = {-20, 20})
    void clockSkewOf20MinutesAnswersRequestTimeTooSkewed(long minutes) throws IOException {
        TreeSnapshot before = TreeSnapshot.of(server.base());
        byte[] body = "late".getBytes(StandardCharsets.UTF_8);
        RawRequest skewed = server.signer().sign(server.request("PUT", "/photos/skewed.txt").withBody(body),
                Instant.now().plus(Duration.ofMinutes(minutes)), Digests.sha256Hex(body));

        S3Assert.assertS3Error(server.send(skewed), 403, "RequestTimeTooSkewed");
        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @Test
    void aPresignedUrlOfExpiresZeroHasExpiredWhenItArrives() throws IOException {
        RawRequest url = server.signer().presign(server.request("GET", "/photos/readme.txt"), Instant.now(), 0);

        S3Assert.assertS3Error(server.send(url), 403, "AccessDenied");
    }

    @Test
    void aPresignedPutThatExpiredWritesNothing() throws IOException {
        TreeSnapshot before = TreeSnapshot.of(server.base());
        RawRequest url = server.signer().presign(server.request("PUT", "/photos/expired.txt")
                .withBody("foo".getBytes(StandardCharsets.UTF_8)), Instant.now().minus(Duration.ofMinutes(10)), 60);

        S3Assert.assertS3Error(server.send(url), 403, "AccessDenied");
        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @Test
    void presignedExpiresBelowZeroOrOverAWeekIsDeniedAndWritesNothing() throws IOException {
        // As AWS answers (ceph/s3-tests#454, apache/ozone#10749): 403, as for an expired URL.
        TreeSnapshot before = TreeSnapshot.of(server.base());
        for (long expires : new long[] {-7, -1000, 604_801, 609_901}) {
            RawRequest url = server.signer().presign(server.request("GET", "/photos/readme.txt"), Instant.now(),
                    expires);
            S3Assert.assertS3Error(server.send(url), 403, "AccessDenied");
        }
        RawRequest put = server.signer().presign(server.request("PUT", "/photos/negative.txt")
                .withBody("foo".getBytes(StandardCharsets.UTF_8)), Instant.now(), -1000);
        S3Assert.assertS3Error(server.send(put), 403, "AccessDenied");
        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @Test
    void presignedUrlWithWrongSecretAnswersSignatureDoesNotMatch() throws Exception {
        try (S3Presigner wrong = S3Presigner.builder()
                .endpointOverride(server.endpoint())
                .region(TestServer.REGION)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(TestServer.credentials(TestServer.ACCESS_KEY, WRONG_SECRET))
                .build();
             HttpClient http = HttpClient.newHttpClient()) {
            var url = wrong.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(FixtureTree.PHOTOS).key(FixtureTree.README_KEY))).url().toURI();

            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            S3Assert.assertS3Error(RawResponse.of(response), 403, "SignatureDoesNotMatch");
        }
    }

    @Test
    void errorDocumentNamesTheResourceAndCarriesTheRequestId() throws IOException {
        RawResponse response = server.send(server.request("GET", "/photos/readme.txt"));

        Element error = S3Assert.assertErrorDocument(response);
        assertTrue(response.header("Content-Type").startsWith("application/xml"), response.header("Content-Type"));
        assertTrue(Xml.text(error, "Resource").contains("readme.txt"), Xml.text(error, "Resource"));
        assertFalse(Xml.text(error, "Message").isBlank());
        assertEquals(response.header("x-amz-request-id"), Xml.text(error, "RequestId"));
    }
}
