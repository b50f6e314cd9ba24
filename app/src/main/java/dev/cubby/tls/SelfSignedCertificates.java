package dev.cubby.tls;

import dev.cubby.config.StateDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The self-signed certificate kept in {@code STATE/tls/} ({@code cert.pem}, and {@code key.pem}
 * at mode 0600), never inside the served tree. Made on first start and made anew when the kept
 * one is unreadable, expires within {@link #RENEW_BEFORE}, or no longer covers a name or address
 * the host now has; otherwise the kept one is served, so that clients that trust it keep working.
 */
final class SelfSignedCertificates implements CertificateLoader {
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final Path dir;
    private final Supplier<SubjectAlternativeNames> neededNames;
    private final Consumer<String> notices;

    SelfSignedCertificates(Path stateDir, Supplier<SubjectAlternativeNames> neededNames, Consumer<String> notices) {
        this.dir = stateDir.resolve("tls");
        this.neededNames = neededNames;
        this.notices = notices;
    }

    Path certificateFile() {
        return dir.resolve("cert.pem");
    }

    Path keyFile() {
        return dir.resolve("key.pem");
    }

    @Override
    public ServerCertificate load(Instant now) {
        SubjectAlternativeNames needed = neededNames.get();
        String reason;
        ServerCertificate kept = readKept();
        if (kept == null) {
            reason = Files.exists(certificateFile()) ? "the kept one in " + dir + " was unreadable" : null;
        } else if (kept.notAfter().isBefore(now.plus(RENEW_BEFORE))) {
            reason = "the kept one expires on " + day(kept.notAfter());
        } else if (!SubjectAlternativeNames.of(kept.leaf()).covers(needed)) {
            reason = "the kept one does not cover all of this host's names and addresses";
        } else {
            return kept;
        }
        ServerCertificate made = SelfSignedIssuer.issue(needed, commonName(needed), now);
        write(made);
        notices.accept((reason == null ? "Made a self-signed TLS certificate" : "Made a new self-signed TLS "
                + "certificate (" + reason + ")") + ", valid until " + day(made.notAfter()) + ", for "
                + String.join(", ", needed.dnsNames()) + ", " + String.join(", ", needed.ipAddresses())
                + ": " + certificateFile());
        return made;
    }

    @Override
    public String describe() {
        return "self-signed, " + certificateFile();
    }

    private ServerCertificate readKept() {
        try {
            if (!Files.exists(certificateFile()) || !Files.exists(keyFile())) {
                return null;
            }
            List<X509Certificate> chain = PemFiles.readCertificates(certificateFile());
            PrivateKey key = PemFiles.readPrivateKey(keyFile());
            if (chain.isEmpty() || key == null) {
                return null;
            }
            var certificate = new ServerCertificate(chain, key);
            return certificate.keyMatches() ? certificate : null;
        } catch (IOException | PemFiles.PemException e) {
            return null; // ours to remake, not the owner's to fix
        }
    }

    private void write(ServerCertificate certificate) {
        try {
            StateDirectory.create(dir.getParent());
            StateDirectory.create(dir);
            // The key first: a crash between the two renames leaves a pair that does not match,
            // which the next start notices and remakes.
            replace(keyFile(), PemFiles.privateKeyPem(certificate.key()), "rw-------");
            replace(certificateFile(), PemFiles.certificatePem(certificate.leaf()), "rw-r--r--");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the self-signed TLS certificate in " + dir, e);
        }
    }

    /** Writes a file whole, with its mode from the start, and renames it over the old one. */
    private static void replace(Path file, String content, String mode) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.write(StandardCharsets.US_ASCII.encode(content));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String commonName(SubjectAlternativeNames names) {
        return names.dnsNames().stream().filter(n -> !n.equals("localhost") && !n.startsWith("*."))
                .filter(n -> !n.endsWith(".local")).findFirst().orElse("localhost");
    }

    private static String day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
