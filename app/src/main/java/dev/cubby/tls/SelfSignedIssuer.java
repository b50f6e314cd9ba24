package dev.cubby.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes a self-signed server certificate for the given names.
 *
 * <p>The key is RSA 2048: every TLS stack a NAS owner's clients run accepts it (Go's for rclone and
 * restic, OpenSSL's for the AWS CLI, boto3, s3cmd and s3fs, the JDK's, .NET's for Cyberduck on
 * Windows, and old or embedded ones that lack ECDSA). ECDSA P-256 would make handshakes a little
 * cheaper, which matters little for clients that keep their connections open.
 *
 * <p>The certificate is an end-entity one (not a CA), for server authentication only, and carries
 * no key-usage extension: OpenSSL then takes it as self-signed when it is its own trust anchor
 * ({@code --ca-bundle}, {@code --cacert}), whatever the client.
 */
final class SelfSignedIssuer {
    static final Duration VALIDITY = Duration.ofDays(730);
    /** Clocks of clients may run a little behind the server's. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    private SelfSignedIssuer() {
    }

    static ServerCertificate issue(SubjectAlternativeNames names, String commonName, Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, "Cubby self-signed")
                    .addRDN(BCStyle.CN, commonName)
                    .build();
            // A positive serial of 127 random bits: unique per certificate, as RFC 5280 asks.
            BigInteger serial = new BigInteger(127, new SecureRandom()).setBit(0);
            var builder = new JcaX509v3CertificateBuilder(subject, serial, Date.from(now.minus(BACKDATE)),
                    Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
            var extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.subjectAlternativeName, false, generalNames(names));
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new ServerCertificate(List.of(certificate), keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static GeneralNames generalNames(SubjectAlternativeNames names) {
        var entries = new ArrayList<GeneralName>();
        names.dnsNames().stream().sorted().forEach(n -> entries.add(new GeneralName(GeneralName.dNSName, n)));
        names.ipAddresses().stream().sorted().forEach(a -> entries.add(new GeneralName(GeneralName.iPAddress, a)));
        return new GeneralNames(entries.toArray(GeneralName[]::new));
    }
}
