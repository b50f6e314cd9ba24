package dev.cubby.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cubby.config.Settings;
import dev.cubby.config.TlsSettings;
import dev.cubby.tls.CertificateSource;
import io.helidon.webserver.WebServer;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running HTTPS listener takes a renewed certificate for new handshakes, without a restart. */
class CertificateRenewalTest {
    @TempDir
    Path dir;

    @Test
    void aRenewedCertificateIsServedToNewConnectionsWithoutARestart() throws Exception {
        CertificateSource certificates = CertificateSource.open(settings(dir.resolve("state")), line -> { },
                Instant.now());
        String first = certificates.current().fingerprint();
        WebServer server = WebServer.builder()
                .host("127.0.0.1").port(0).useNio(false)
                .tls(CertificateRenewal.tls(certificates.current()))
                .routing(r -> r.get("/-/health", (req, res) -> res.send("ok")))
                .build().start();
        try (var renewal = CertificateRenewal.start(certificates, server, WebServer.DEFAULT_SOCKET_NAME,
                Duration.ofDays(1))) {
            assertEquals(first, presentedFingerprint(server.port(), "TLSv1.3"));

            renewal.checkNow(Instant.now());
            assertEquals(first, presentedFingerprint(server.port(), "TLSv1.3"), "a fresh certificate is kept");

            // Another self-signed pair lands in the state folder, as a renewal would write it.
            CertificateSource other = CertificateSource.open(settings(dir.resolve("other")), line -> { }, Instant.now());
            for (String file : new String[] {"key.pem", "cert.pem"}) {
                Files.copy(dir.resolve("other/tls").resolve(file), dir.resolve("state/tls").resolve(file),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            renewal.checkNow(Instant.now());

            String second = other.current().fingerprint();
            assertNotEquals(first, second);
            assertEquals(second, certificates.current().fingerprint());
            assertEquals(second, presentedFingerprint(server.port(), "TLSv1.3"));
            assertEquals(second, presentedFingerprint(server.port(), "TLSv1.2"));
        } finally {
            server.stop();
        }
    }

    @Test
    void protocolsOlderThanTls12AreRefused() throws Exception {
        CertificateSource certificates = CertificateSource.open(settings(dir.resolve("state")), line -> { },
                Instant.now());
        WebServer server = WebServer.builder().host("127.0.0.1").port(0).useNio(false)
                .tls(CertificateRenewal.tls(certificates.current()))
                .routing(r -> r.get("/-/health", (req, res) -> res.send("ok")))
                .build().start();
        try {
            assertThrows(SSLHandshakeException.class, () -> presentedFingerprint(server.port(), "TLSv1.1"));
        } finally {
            server.stop();
        }
    }

    private static Settings settings(Path state) {
        return new Settings(state.resolveSibling("root"), state, "127.0.0.1", 0, "us-east-1", null, 0, 0, Map.of(),
                Duration.ofDays(7), new TlsSettings(true, null, null, null), null, false, Map.of(), 0, Set.of(),
                Duration.ofMinutes(15));
    }

    /** The SHA-256 of the certificate the server presents in a handshake of {@code protocol}. */
    private static String presentedFingerprint(int port, String protocol) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new X509ExtendedTrustManager[] {new AcceptAnyServer()}, null);
        try (var socket = (SSLSocket) context.getSocketFactory().createSocket(new Socket("127.0.0.1", port),
                "127.0.0.1", port, true)) {
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            var presented = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(presented.getEncoded()));
        }
    }

    /** Lets the test see whatever the server presents; what it presents is what is checked. */
    private static final class AcceptAnyServer extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
