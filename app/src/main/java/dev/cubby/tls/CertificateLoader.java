package dev.cubby.tls;

import java.time.Instant;

/** Where the certificate to serve comes from: the owner's files, or the self-signed one. */
interface CertificateLoader {
    /**
     * The certificate to serve at {@code now}, renewing it first where this loader may.
     *
     * @throws dev.cubby.config.SettingsException when the owner's files are missing or wrong
     */
    ServerCertificate load(Instant now);

    /** Where it comes from, for the start-up lines. */
    String describe();
}
