package dev.cubby.tls;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM in and out: certificate chains, and private keys as PKCS#8 ({@code PRIVATE KEY}), PKCS#1
 * ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}). The JDK's own providers turn the
 * parsed structures into keys and certificates; Bouncy Castle only reads and writes the format.
 */
final class PemFiles {
    private PemFiles() {
    }

    /** Every certificate in the file, in file order; empty when it holds none. */
    static List<X509Certificate> readCertificates(Path file) throws IOException, PemException {
        var certificates = new ArrayList<X509Certificate>();
        var converter = new JcaX509CertificateConverter();
        for (Object object : readObjects(file)) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    certificates.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw new PemException("a certificate in it cannot be decoded (" + e.getMessage() + ")");
                }
            }
        }
        return certificates;
    }

    /** The one private key in the file, or null when it holds none. */
    static PrivateKey readPrivateKey(Path file) throws IOException, PemException {
        var converter = new JcaPEMKeyConverter();
        for (Object object : readObjects(file)) {
            try {
                if (object instanceof PEMKeyPair pair) { // PKCS#1 RSA and SEC1 EC
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (object instanceof PrivateKeyInfo info) { // PKCS#8
                    return converter.getPrivateKey(info);
                }
            } catch (IOException e) {
                throw new PemException("its key cannot be decoded (" + e.getMessage() + ")");
            }
            if (object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
                throw new PemException("the key is encrypted with a passphrase, which Cubby cannot ask for; "
                        + "decrypt it with 'openssl pkey -in " + file + " -out PLAIN.pem' and keep that file readable "
                        + "only by Cubby's user");
            }
        }
        return null;
    }

    static String certificatePem(X509Certificate certificate) throws IOException {
        var out = new StringWriter();
        try (var writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        }
        return out.toString();
    }

    static String privateKeyPem(PrivateKey key) throws IOException {
        var out = new StringWriter();
        try (var writer = new JcaPEMWriter(out)) {
            writer.writeObject(new JcaPKCS8Generator(key, null));
        }
        return out.toString();
    }

    private static List<Object> readObjects(Path file) throws IOException, PemException {
        var objects = new ArrayList<>();
        // ISO-8859-1 maps every byte, so a binary file reads as "no PEM block" instead of a charset error.
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.ISO_8859_1);
             var parser = new PEMParser(reader)) {
            Object object;
            while ((object = parser.readObject()) != null) {
                objects.add(object);
            }
        } catch (IOException e) {
            if (e instanceof java.nio.file.FileSystemException) {
                throw e;
            }
            throw new PemException("it is not valid PEM (" + e.getMessage() + ")");
        } catch (RuntimeException e) { // Bouncy Castle's decoders signal bad base64 or DER this way
            throw new PemException("it is not valid PEM (" + e.getMessage() + ")");
        }
        return objects;
    }

    /** A PEM file's content is wrong; the message completes "FILE: ". */
    static final class PemException extends Exception {
        PemException(String message) {
            super(message);
        }
    }
}
