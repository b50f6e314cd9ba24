package dev.cubby.server;

import dev.cubby.tls.CertificateSource;
import dev.cubby.tls.ServerCertificate;
import io.helidon.common.tls.Tls;
import io.helidon.webserver.WebServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps HTTPS serving a current certificate: once a day it loads the certificate again (renewing
 * a self-signed one that is due, re-reading the owner's files) and, when it changed, hands it to
 * the running listener; connections already open keep theirs, new handshakes get the new one.
 */
final class CertificateRenewal implements AutoCloseable {
    static final Duration EVERY = Duration.ofDays(1);
    private static final Logger LOG = Logger.getLogger(CertificateRenewal.class.getName());

    private final CertificateSource certificates;
    private final WebServer server;
    private final String socket;
    private final Thread thread;

    private CertificateRenewal(CertificateSource certificates, WebServer server, String socket,
                               Duration every) {
        this.certificates = certificates;
        this.server = server;
        this.socket = socket;
        this.thread = Thread.ofVirtual().name("cubby-certificate-renewal").start(() -> {
            try {
                while (true) {
                    Thread.sleep(every);
                    checkNow(Instant.now());
                }
            } catch (InterruptedException e) {
                // closed
            }
        });
    }

    static CertificateRenewal start(CertificateSource certificates, WebServer server, String socket,
                                    Duration every) {
        return new CertificateRenewal(certificates, server, socket, every);
    }

    /** The listener's TLS for a certificate: TLS 1.3 and 1.2 only, the JDK's default cipher suites. */
    static Tls tls(ServerCertificate certificate) {
        return Tls.builder()
                .privateKey(certificate.key())
                .privateKeyCertChain(certificate.chain())
                .enabledProtocols(List.of("TLSv1.3", "TLSv1.2"))
                .build();
    }

    /** Loads the certificate again and reloads the listener when it changed. */
    void checkNow(Instant now) {
        try {
            if (certificates.refresh(now)) {
                ServerCertificate current = certificates.current();
                server.reloadTls(socket, tls(current));
                LOG.info("now serving a new TLS certificate, valid until " + current.notAfter()
                        + ", SHA-256 fingerprint: " + current.fingerprint());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not renew the TLS certificate; serving the current one, which expires "
                    + certificates.current().notAfter() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
