package dev.cubby.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificatesTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path state;

    private final List<String> notices = new ArrayList<>();
    private final AtomicReference<SubjectAlternativeNames> names = new AtomicReference<>(
            new SubjectAlternativeNames(Set.of("localhost", "nas"), Set.of("127.0.0.1", "::1")));

    private SelfSignedCertificates store() {
        return new SelfSignedCertificates(state, names::get, notices::add);
    }

    @Test
    void firstStartMakesACertificateAndAPrivateKeyOnlyTheOwnerCanRead() throws Exception {
        ServerCertificate made = store().load(NOW);

        Path dir = state.resolve("tls");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("key.pem"))));
        assertTrue(Files.readString(dir.resolve("key.pem")).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertEquals(List.of(made.leaf()), PemFiles.readCertificates(dir.resolve("cert.pem")));
        assertEquals(List.of("cert.pem", "key.pem"), Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList());
        assertEquals(1, notices.size(), notices::toString);
        assertTrue(notices.getFirst().contains(dir.resolve("cert.pem").toString()), notices::toString);
    }

    @Test
    void theCertificateIsValidForTwoYearsForTheNeededNamesWithAnRsaKeyThatMatches() {
        ServerCertificate made = store().load(NOW);

        assertEquals(NOW.plus(Duration.ofDays(730)), made.notAfter());
        assertTrue(made.leaf().getNotBefore().toInstant().isBefore(NOW));
        assertEquals("RSA", made.key().getAlgorithm());
        assertTrue(made.keyMatches());
        assertEquals(-1, made.leaf().getBasicConstraints(), "an end-entity certificate, not a CA");
        assertEquals(names.get(), SubjectAlternativeNames.of(made.leaf()));
    }

    @Test
    void aFreshCertificateIsKeptAcrossStarts() {
        ServerCertificate first = store().load(NOW);
        ServerCertificate again = store().load(NOW.plus(Duration.ofDays(400)));

        assertEquals(first.fingerprint(), again.fingerprint());
        assertEquals(1, notices.size(), notices::toString);
    }

    @Test
    void aCertificateExpiringInTenDaysIsReplacedAtStart() {
        ServerCertificate old = store().load(NOW);
        Instant tenDaysBeforeExpiry = old.notAfter().minus(Duration.ofDays(10));

        ServerCertificate renewed = store().load(tenDaysBeforeExpiry);

        assertNotEquals(old.fingerprint(), renewed.fingerprint());
        assertEquals(tenDaysBeforeExpiry.plus(Duration.ofDays(730)), renewed.notAfter());
        assertTrue(notices.getLast().contains("expires on"), notices::toString);
        assertEquals(renewed.fingerprint(), store().load(tenDaysBeforeExpiry).fingerprint(), "the new one is kept");
    }

    @Test
    void aCertificateLackingANameTheHostNowHasIsReplaced() {
        ServerCertificate old = store().load(NOW);
        names.set(new SubjectAlternativeNames(Set.of("localhost", "nas", "nas.example.net"),
                Set.of("127.0.0.1", "::1", "192.0.2.7")));

        ServerCertificate renewed = store().load(NOW);

        assertNotEquals(old.fingerprint(), renewed.fingerprint());
        assertTrue(SubjectAlternativeNames.of(renewed.leaf()).covers(names.get()));
    }

    @Test
    void anUnreadableOrMismatchedKeptPairIsMadeAnew() throws Exception {
        ServerCertificate first = store().load(NOW);
        Files.writeString(state.resolve("tls/key.pem"), "not a key");
        ServerCertificate remade = store().load(NOW);
        assertNotEquals(first.fingerprint(), remade.fingerprint());
        assertTrue(remade.keyMatches());

        // a key from another pair, as a crash between the two renames could leave
        var other = new SelfSignedCertificates(state.resolve("other"), names::get, notices::add).load(NOW);
        Files.copy(state.resolve("other/tls/key.pem"), state.resolve("tls/key.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ServerCertificate afterMismatch = store().load(NOW);
        assertNotEquals(remade.fingerprint(), afterMismatch.fingerprint());
        assertNotEquals(other.fingerprint(), afterMismatch.fingerprint());
        assertTrue(afterMismatch.keyMatches());
    }
}
