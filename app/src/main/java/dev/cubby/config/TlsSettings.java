package dev.cubby.config;

import java.nio.file.Path;

/**
 * How HTTPS is served.
 *
 * @param enabled     whether HTTPS listens at all
 * @param certificate PEM certificate chain given by the owner, or null for a self-signed one
 *                    generated (and renewed) in the state directory
 * @param privateKey  PEM private key matching {@code certificate}, or null with it
 * @param port        a separate HTTPS port, with plain HTTP staying on the main port; null when
 *                    HTTPS takes the main port and there is no plain HTTP
 */
public record TlsSettings(boolean enabled, Path certificate, Path privateKey, Integer port) {
    public static final TlsSettings OFF = new TlsSettings(false, null, null, null);

    public boolean selfSigned() {
        return enabled && certificate == null;
    }
}
