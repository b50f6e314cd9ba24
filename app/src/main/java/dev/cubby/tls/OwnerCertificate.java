package dev.cubby.tls;

import dev.cubby.config.SettingsException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * The owner's certificate chain and private key (--tls-cert, --tls-key), read anew on every load
 * so that a renewed pair (certbot, a NAS's own ACME client) is picked up without a restart.
 */
final class OwnerCertificate implements CertificateLoader {
    private final Path certificateFile;
    private final Path keyFile;

    OwnerCertificate(Path certificateFile, Path keyFile) {
        this.certificateFile = certificateFile;
        this.keyFile = keyFile;
    }

    @Override
    public ServerCertificate load(Instant now) {
        List<X509Certificate> chain = read(certificateFile, "certificate", () -> PemFiles.readCertificates(certificateFile));
        if (chain.isEmpty()) {
            throw new SettingsException("the TLS certificate " + certificateFile + " holds no PEM certificate "
                    + "(a '-----BEGIN CERTIFICATE-----' block); give --tls-cert the server's certificate chain");
        }
        PrivateKey key = read(keyFile, "key", () -> PemFiles.readPrivateKey(keyFile));
        if (key == null) {
            throw new SettingsException("the TLS key " + keyFile + " holds no PEM private key (PKCS#8 'PRIVATE KEY', "
                    + "'RSA PRIVATE KEY' or 'EC PRIVATE KEY'); give --tls-key the key of the certificate");
        }
        var certificate = new ServerCertificate(chain, key);
        if (!certificate.keyMatches()) {
            throw new SettingsException("the TLS key " + keyFile + " does not belong to the certificate "
                    + certificateFile + " (its first certificate must be the server's own); give the matching pair");
        }
        return certificate;
    }

    @Override
    public String describe() {
        return certificateFile.toString();
    }

    private interface Reading<T> {
        T read() throws IOException, PemFiles.PemException;
    }

    private static <T> T read(Path file, String what, Reading<T> reading) {
        try {
            return reading.read();
        } catch (NoSuchFileException e) {
            throw new SettingsException("the TLS " + what + " " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new SettingsException("the TLS " + what + " " + file + " is not readable by this user");
        } catch (IOException e) {
            throw new SettingsException("cannot read the TLS " + what + " " + file + ": " + e.getMessage());
        } catch (PemFiles.PemException e) {
            throw new SettingsException("the TLS " + what + " " + file + " is unusable: " + e.getMessage());
        }
    }
}
