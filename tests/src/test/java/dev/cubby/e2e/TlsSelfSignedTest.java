package dev.cubby.e2e;

import static dev.cubby.e2e.MultipartParts.MIN_PART;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code --tls} alone: a self-signed certificate made on first start in the state folder, HTTPS on
 * the main port, the printed fingerprint that of the certificate served, and the AWS SDK working
 * when it trusts exactly that certificate.
 */
class TlsSelfSignedTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty().args("--tls").https();

    private Path certificateFile() {
        return server.state().resolve("tls/cert.pem");
    }

    private S3Client trustingClient() throws Exception {
        var http = PemTrust.sdkHttpClientTrustingOnly(certificateFile());
        return server.client(builder -> builder.httpClientBuilder(http));
    }

    @Test
    void theCertificateAndAnOwnerOnlyKeyLiveInTheStateFolderAndNothingInTheTree() throws Exception {
        assertTrue(Files.isRegularFile(certificateFile()));
        Path key = server.state().resolve("tls/key.pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));
        try (Stream<Path> top = Files.list(server.root())) {
            List<String> entries = top.map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith("tls-")) // buckets the other tests here make
                    .toList();
            assertEquals(List.of(".cubby"), entries, "the served tree holds nothing new");
        }
        try (Stream<Path> tree = Files.walk(server.root())) {
            assertEquals(List.of(), tree.filter(p -> p.getFileName().toString().endsWith(".pem")).toList());
        }
    }

    @Test
    void thePrintedFingerprintIsThatOfTheServedCertificateAndOfTheFile() throws Exception {
        String printed = PemTrust.printedFingerprint(server.log());

        assertEquals(PemTrust.sha256(PemTrust.presented(server.endpoint())), printed);
        assertEquals(PemTrust.sha256(PemTrust.certificate(certificateFile())), printed);
        assertTrue(server.log().contains("Cubby serves " + server.root() + " at " + server.endpoint()), server.log());
    }

    @Test
    void theSdkTrustingExactlyThatCertificatePutsGetsListsAndUploadsInParts() throws Exception {
        S3Client s3 = trustingClient();
        String bucket = server.newBucket("tls");
        s3.putObject(b -> b.bucket(bucket).key("docs/a.txt"), RequestBody.fromString("over TLS"));
        assertEquals("over TLS", s3.getObjectAsBytes(b -> b.bucket(bucket).key("docs/a.txt")).asUtf8String());
        assertEquals("over TLS", Files.readString(server.file(bucket, "docs/a.txt")));

        byte[] part1 = FixtureTree.seeded(MIN_PART, 61);
        byte[] part2 = FixtureTree.seeded(1000, 62);
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("big.bin")).uploadId();
        String etag1 = s3.uploadPart(b -> b.bucket(bucket).key("big.bin").uploadId(id).partNumber(1),
                RequestBody.fromBytes(part1)).eTag();
        String etag2 = s3.uploadPart(b -> b.bucket(bucket).key("big.bin").uploadId(id).partNumber(2),
                RequestBody.fromBytes(part2)).eTag();
        s3.completeMultipartUpload(b -> b.bucket(bucket).key("big.bin").uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                CompletedPart.builder().partNumber(2).eTag(etag2).build())));
        assertArrayEquals(MultipartParts.concat(List.of(part1, part2)), Files.readAllBytes(server.file(bucket, "big.bin")));

        List<String> keys = s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
        assertEquals(List.of("big.bin", "docs/a.txt"), keys);
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateFailsTheHandshake() {
        S3Client untrusting = server.client(builder -> { });

        var error = assertThrows(SdkClientException.class, () -> untrusting.listBuckets());
        Throwable cause = error;
        while (cause.getCause() != null && !(cause instanceof SSLHandshakeException)) {
            cause = cause.getCause();
        }
        assertInstanceOf(SSLHandshakeException.class, cause, () -> "expected a failed handshake: " + error);
    }
}
