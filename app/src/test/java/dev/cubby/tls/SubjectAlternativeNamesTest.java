package dev.cubby.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubjectAlternativeNamesTest {
    @Test
    void thisHostsNamesIncludeLocalhostTheLoopbackAddressesAndTheHostName() throws Exception {
        SubjectAlternativeNames names = SubjectAlternativeNames.forThisHost("0.0.0.0", null, null);

        assertTrue(names.dnsNames().contains("localhost"), names::toString);
        assertTrue(names.dnsNames().contains(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT)),
                names::toString);
        assertTrue(names.ipAddresses().containsAll(Set.of("127.0.0.1", "::1")), names::toString);
        assertFalse(names.ipAddresses().contains("0.0.0.0"), "the wildcard is no address a client reaches");
    }

    @Test
    void theListenAddressTheEndpointHostAndTheVirtualHostDomainAreCovered() {
        SubjectAlternativeNames names = SubjectAlternativeNames.forThisHost("192.0.2.10",
                "https://NAS.example.net:9443", "s3.example.net");

        assertTrue(names.ipAddresses().contains("192.0.2.10"), names::toString);
        assertTrue(names.dnsNames().containsAll(Set.of("nas.example.net", "s3.example.net", "*.s3.example.net")),
                names::toString);
        assertTrue(SubjectAlternativeNames.forThisHost("127.0.0.1", "https://[2001:db8::7]:9443", null)
                .ipAddresses().contains("2001:db8::7"));
    }

    @Test
    void aCertificateMadeForTheNamesListsThemAllBackInTheSameSpelling() {
        SubjectAlternativeNames needed = SubjectAlternativeNames.forThisHost("0.0.0.0", null, "s3.nas.local");
        ServerCertificate certificate = SelfSignedIssuer.issue(needed, "nas", Instant.now());

        SubjectAlternativeNames listed = SubjectAlternativeNames.of(certificate.leaf());

        assertEquals(needed, listed);
        assertTrue(listed.covers(needed));
        assertFalse(listed.covers(new SubjectAlternativeNames(Set.of("other.example"), Set.of())));
    }
}
