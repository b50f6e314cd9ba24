package dev.cubby.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.config.SettingsException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The owner's PEM pair: the usual key formats are served; anything else is one clear line. */
class OwnerCertificateTest {
    @TempDir
    Path dir;

    @Test
    void pkcs8RsaKeyWithAChainOfTwo() throws Exception {
        KeyPair keys = keys("RSA");
        var leaf = certificate(keys, "CN=nas.example.net");
        var issuer = certificate(keys("RSA"), "CN=Example CA");
        Path cert = Files.writeString(dir.resolve("chain.pem"), pem(leaf.leaf()) + pem(issuer.leaf()));
        Path key = Files.writeString(dir.resolve("key.pem"), pkcs8(keys.getPrivate()));

        ServerCertificate loaded = new OwnerCertificate(cert, key).load(Instant.now());

        assertEquals(List.of(leaf.leaf(), issuer.leaf()), loaded.chain());
        assertEquals(leaf.fingerprint(), loaded.fingerprint());
    }

    @Test
    void pkcs1RsaAndSec1EcKeysAreRead() throws Exception {
        for (String algorithm : List.of("RSA", "EC")) {
            KeyPair keys = keys(algorithm);
            Path cert = Files.writeString(dir.resolve(algorithm + ".crt"), pem(certificate(keys, "CN=nas").leaf()));
            String traditional = traditionalPem(keys.getPrivate());
            assertTrue(traditional.startsWith(algorithm.equals("RSA") ? "-----BEGIN RSA PRIVATE KEY-----"
                    : "-----BEGIN EC PRIVATE KEY-----"), traditional);
            Path key = Files.writeString(dir.resolve(algorithm + ".key"), traditional);

            assertTrue(new OwnerCertificate(cert, key).load(Instant.now()).keyMatches());
        }
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), pem(certificate(keys("RSA"), "CN=nas").leaf()));
        Path key = Files.writeString(dir.resolve("key.pem"), pkcs8(keys("RSA").getPrivate()));

        var error = assertThrows(SettingsException.class, () -> new OwnerCertificate(cert, key).load(Instant.now()));
        assertEquals("the TLS key " + key + " does not belong to the certificate " + cert
                + " (its first certificate must be the server's own); give the matching pair", error.getMessage());
    }

    @Test
    void encryptedKeysAreRefusedWithHowToDecryptThem() throws Exception {
        KeyPair keys = keys("RSA");
        Path cert = Files.writeString(dir.resolve("cert.pem"), pem(certificate(keys, "CN=nas").leaf()));
        var pkcs8Encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                .setProvider(new BouncyCastleProvider()).setPassword("secret".toCharArray()).build();
        Path encryptedPkcs8 = Files.writeString(dir.resolve("enc8.pem"),
                pem(new JcaPKCS8Generator(keys.getPrivate(), pkcs8Encryptor)));
        var legacy = new StringWriter();
        try (var writer = new JcaPEMWriter(legacy)) {
            writer.writeObject(keys.getPrivate(), new JcePEMEncryptorBuilder("AES-128-CBC")
                    .setProvider(new BouncyCastleProvider()).build("secret".toCharArray()));
        }
        Path encryptedLegacy = Files.writeString(dir.resolve("enc1.pem"), legacy.toString());

        for (Path key : List.of(encryptedPkcs8, encryptedLegacy)) {
            var error = assertThrows(SettingsException.class, () -> new OwnerCertificate(cert, key).load(Instant.now()));
            assertTrue(error.getMessage().contains("is encrypted with a passphrase"), error.getMessage());
            assertTrue(error.getMessage().contains("openssl pkey"), error.getMessage());
        }
    }

    @Test
    void missingGarbageAndSwappedFilesAreClearErrors() throws Exception {
        KeyPair keys = keys("EC");
        Path cert = Files.writeString(dir.resolve("cert.pem"), pem(certificate(keys, "CN=nas").leaf()));
        Path key = Files.writeString(dir.resolve("key.pem"), pkcs8(keys.getPrivate()));
        Path garbage = Files.write(dir.resolve("garbage.pem"), new byte[] {0, (byte) 0xff, 17, 'x', '\n'});
        Path brokenPem = Files.writeString(dir.resolve("broken.pem"),
                "-----BEGIN CERTIFICATE-----\n!!!not base64!!!\n-----END CERTIFICATE-----\n");

        assertMessage(new OwnerCertificate(dir.resolve("nope.pem"), key),
                "the TLS certificate " + dir.resolve("nope.pem") + " does not exist");
        assertMessage(new OwnerCertificate(cert, dir.resolve("nope.key")),
                "the TLS key " + dir.resolve("nope.key") + " does not exist");
        assertMessage(new OwnerCertificate(garbage, key), "holds no PEM certificate");
        assertMessage(new OwnerCertificate(brokenPem, key), "is unusable: it is not valid PEM");
        assertMessage(new OwnerCertificate(cert, garbage), "holds no PEM private key");
        assertMessage(new OwnerCertificate(key, cert), "holds no PEM certificate");
    }

    private static void assertMessage(OwnerCertificate owner, String expected) {
        var error = assertThrows(SettingsException.class, () -> owner.load(Instant.now()));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
        assertTrue(!error.getMessage().contains("\n"), "one line: " + error.getMessage());
    }

    static KeyPair keys(String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    static ServerCertificate certificate(KeyPair keys, String subject) throws Exception {
        var name = new X500Name(subject);
        var builder = new JcaX509v3CertificateBuilder(name, java.math.BigInteger.TWO,
                Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plusSeconds(86_400)), name,
                keys.getPublic());
        String signature = keys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        var certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(signature).build(keys.getPrivate())));
        return new ServerCertificate(List.of(certificate), keys.getPrivate());
    }

    static String pem(Object object) throws Exception {
        var out = new StringWriter();
        try (var writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    /**
     * PKCS#1 for RSA; for EC the SEC1 form OpenSSL writes, with the curve inside the key (the
     * JDK's PKCS#8 encoding keeps it outside, where a plain conversion would drop it).
     */
    private static String traditionalPem(PrivateKey key) throws Exception {
        if (!(key instanceof java.security.interfaces.ECPrivateKey ec)) {
            return pem(key);
        }
        var info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(key.getEncoded());
        var curve = org.bouncycastle.asn1.x9.X962Parameters.getInstance(info.getPrivateKeyAlgorithm().getParameters());
        var sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(ec.getParams().getOrder().bitLength(), ec.getS(), curve);
        return pem(new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", sec1.getEncoded()));
    }

    private static String pkcs8(PrivateKey key) throws Exception {
        return pem(new JcaPKCS8Generator(key, null));
    }
}
