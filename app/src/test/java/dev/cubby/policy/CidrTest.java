package dev.cubby.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CidrTest {
    @Test
    void blocksContainTheirAddresses() {
        assertTrue(Cidr.parse("10.0.0.0/8").contains("10.255.1.2"));
        assertFalse(Cidr.parse("10.0.0.0/8").contains("11.0.0.1"));
        assertTrue(Cidr.parse("10.0.0.0/32").contains("10.0.0.0"));
        assertFalse(Cidr.parse("10.0.0.0/32").contains("10.0.0.1"));
        assertTrue(Cidr.parse("0.0.0.0/0").contains("203.0.113.9"));
        assertTrue(Cidr.parse("2001:db8::/126").contains("2001:db8::3"));
        assertFalse(Cidr.parse("2001:db8::/126").contains("2001:db8::4"));
        assertTrue(Cidr.parse("::1").contains("0:0:0:0:0:0:0:1"));
        assertTrue(Cidr.parse("127.0.0.1").contains("::ffff:127.0.0.1"), "an IPv4-mapped address is its IPv4 address");
    }

    @Test
    void onlyLiteralsAreTaken() {
        assertFalse(Cidr.valid("localhost"));
        assertFalse(Cidr.valid("256.0.0.1"));
        assertFalse(Cidr.valid("10.0.0.0/"));
        assertFalse(Cidr.valid("10.0.0.0/-1"));
        assertFalse(Cidr.valid("2001:db8::/129"));
        assertTrue(Cidr.valid("2001:db8::/128"));
        assertFalse(Cidr.parse("10.0.0.0/8").contains("not an address"));
    }
}
