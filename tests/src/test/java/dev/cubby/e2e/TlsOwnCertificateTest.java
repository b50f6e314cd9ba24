package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code --tls-cert/--tls-key}: the owner's certificate is the one served and fingerprinted; a pair
 * that does not match, or a file that is no PEM, stops the start with one clear line and exit 2.
 */
class TlsOwnCertificateTest {
    @TempDir
    Path dir;

    @Test
    void theOwnersCertificateIsServedAndWorksWithTheSdk() throws Exception {
        KeyPair keys = ecKeys();
        Path cert = write("nas.crt", pem(certificate(keys, "CN=nas.example.net")));
        Path key = write("nas.key", pem(new JcaPKCS8Generator(keys.getPrivate(), null)));

        try (TestServer server = TestServer.empty().args("--tls-cert", cert.toString(), "--tls-key", key.toString())
                .https()) {
            server.start();
            String expected = PemTrust.sha256(PemTrust.certificate(cert));
            assertEquals(expected, PemTrust.sha256(PemTrust.presented(server.endpoint())));
            assertEquals(expected, PemTrust.printedFingerprint(server.log()));
            assertFalse(Files.exists(server.state().resolve("tls")), "no self-signed certificate is made");

            var http = PemTrust.sdkHttpClientTrustingOnly(cert);
            S3Client s3 = server.client(builder -> builder.httpClientBuilder(http));
            String bucket = server.newBucket("own");
            s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("owner's TLS"));
            assertEquals("owner's TLS", s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String());
        }
    }

    @Test
    void aKeyOfAnotherCertificateStopsTheStartWithAClearLine() throws Exception {
        Path cert = write("nas.crt", pem(certificate(ecKeys(), "CN=nas.example.net")));
        Path otherKey = write("other.key", pem(new JcaPKCS8Generator(ecKeys().getPrivate(), null)));

        String failure = failedStart("--tls-cert", cert.toString(), "--tls-key", otherKey.toString());

        assertTrue(failure.contains("cubby exited with 2"), failure);
        assertTrue(failure.contains("cubby: the TLS key " + otherKey + " does not belong to the certificate " + cert),
                failure);
    }

    @Test
    void aGarbageCertificateFileStopsTheStartWithAClearLine() throws Exception {
        KeyPair keys = ecKeys();
        Path garbage = write("garbage.crt", "this is not a certificate\n");
        Path key = write("nas.key", pem(new JcaPKCS8Generator(keys.getPrivate(), null)));

        String failure = failedStart("--tls-cert", garbage.toString(), "--tls-key", key.toString());

        assertTrue(failure.contains("cubby exited with 2"), failure);
        assertTrue(failure.contains("cubby: the TLS certificate " + garbage + " holds no PEM certificate"), failure);
    }

    @Test
    void aMissingKeyFileStopsTheStartWithAClearLine() throws Exception {
        Path cert = write("nas.crt", pem(certificate(ecKeys(), "CN=nas.example.net")));
        Path missing = dir.resolve("missing.key");

        String failure = failedStart("--tls-cert", cert.toString(), "--tls-key", missing.toString());

        assertTrue(failure.contains("cubby exited with 2"), failure);
        assertTrue(failure.contains("cubby: the TLS key " + missing + " does not exist"), failure);
    }

    private static String failedStart(String... args) {
        try (TestServer server = TestServer.empty().args(args).https()) {
            return assertThrows(IllegalStateException.class, server::start).getMessage();
        }
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** A certificate for 127.0.0.1, as a NAS owner's own CA would issue for the box. */
    private static X509Certificate certificate(KeyPair keys, String subject) throws Exception {
        var name = new X500Name(subject);
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                Date.from(Instant.now().minus(Duration.ofMinutes(5))), Date.from(Instant.now().plus(Duration.ofDays(90))),
                name, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "nas.example.net"),
                new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress())}));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    private static String pem(Object object) throws Exception {
        var out = new StringWriter();
        try (var writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
