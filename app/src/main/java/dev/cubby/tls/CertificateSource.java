package dev.cubby.tls;

import dev.cubby.config.Settings;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The certificate HTTPS serves now, and the way to a newer one: the owner's files, read again, or
 * the self-signed certificate, renewed when due. Opening it loads the certificate once, so a wrong
 * pair of files is reported at start.
 */
public final class CertificateSource {
    private final CertificateLoader loader;
    private volatile ServerCertificate current;

    private CertificateSource(CertificateLoader loader, Instant now) {
        this.loader = loader;
        this.current = loader.load(now);
    }

    /**
     * Opens the certificate {@code settings} ask for; {@code notices} gets a line when a
     * self-signed certificate is made.
     *
     * @throws dev.cubby.config.SettingsException when the owner's files are missing or wrong
     */
    public static CertificateSource open(Settings settings, Consumer<String> notices, Instant now) {
        if (!settings.tls().enabled()) {
            throw new IllegalArgumentException("TLS is off in these settings");
        }
        CertificateLoader loader = settings.tls().selfSigned()
                ? new SelfSignedCertificates(settings.stateDir(), () -> SubjectAlternativeNames.forThisHost(
                        settings.address(), settings.endpoint(), settings.domain()), notices)
                : new OwnerCertificate(settings.tls().certificate(), settings.tls().privateKey());
        return new CertificateSource(loader, now);
    }

    public ServerCertificate current() {
        return current;
    }

    /**
     * Loads again and tells whether the certificate changed; when loading fails (an owner's file
     * half-written by a renewal), the current one stays and the failure is thrown for logging.
     */
    public boolean refresh(Instant now) {
        ServerCertificate loaded = loader.load(now);
        if (loaded.chain().equals(current.chain())) {
            return false;
        }
        current = loaded;
        return true;
    }

    /** Where the certificate comes from: the owner's file, or "self-signed, FILE". */
    public String describe() {
        return loader.describe();
    }
}
