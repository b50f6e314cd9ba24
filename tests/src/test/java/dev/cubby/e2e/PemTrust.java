package dev.cubby.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/** TLS from the client's side: trusting exactly one PEM certificate, and what a server presents. */
public final class PemTrust {
    private PemTrust() {
    }

    public static X509Certificate certificate(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** Trust managers that accept the certificate in {@code pem} and nothing else. */
    public static TrustManager[] trustingOnly(Path pem) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("cubby", certificate(pem));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    /** The SDK's HTTP client trusting only {@code pem}, with its usual host-name check. */
    public static Apache5HttpClient.Builder sdkHttpClientTrustingOnly(Path pem) throws IOException, GeneralSecurityException {
        TrustManager[] trust = trustingOnly(pem);
        return Apache5HttpClient.builder().tlsTrustManagersProvider(() -> trust);
    }

    /** The certificate the server at {@code endpoint} presents in a TLS handshake, read from the session. */
    public static X509Certificate presented(URI endpoint) throws IOException {
        SSLContext context = AnyCertificate.sslContext();
        try (var socket = (SSLSocket) context.getSocketFactory().createSocket(
                new Socket(endpoint.getHost(), endpoint.getPort()), endpoint.getHost(), endpoint.getPort(), true)) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    /** SHA-256 over the DER bytes, as {@code openssl x509 -noout -fingerprint -sha256} shows it. */
    public static String sha256(X509Certificate certificate) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    /** The fingerprint the server printed at start. */
    public static String printedFingerprint(String log) {
        String prefix = "TLS certificate SHA-256 fingerprint: ";
        return log.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no fingerprint line in the log:\n" + log));
    }
}
