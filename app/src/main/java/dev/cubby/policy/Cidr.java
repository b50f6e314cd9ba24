package dev.cubby.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address block ({@code 192.0.2.0/24}, {@code 2001:db8::/32}; a bare address is
 * a block of one) for {@code IpAddress} and {@code NotIpAddress}. Only literals are taken, so no
 * name is ever looked up; an IPv4 address never falls in an IPv6 block, nor the other way.
 */
record Cidr(byte[] network, int prefixLength) {

    static boolean valid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static Cidr parse(String text) {
        String value = text.trim();
        int slash = value.indexOf('/');
        byte[] address = literal(slash < 0 ? value : value.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        int bits = address.length * 8;
        int length = bits;
        if (slash >= 0) {
            String digits = value.substring(slash + 1);
            if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)
                    || (length = Integer.parseInt(digits)) > bits) {
                throw new IllegalArgumentException("not a prefix length: " + text);
            }
        }
        return new Cidr(address, length);
    }

    /** Whether the request's address (text, as the server saw it) lies in this block. */
    boolean contains(String address) {
        byte[] candidate = literal(address);
        if (candidate == null || candidate.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    /** The bytes of an IP literal (4 or 16; an IPv4-mapped IPv6 address gives its 4), or null. */
    private static byte[] literal(String text) {
        String value = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = value.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = value.contains(":") && value.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return null;
        }
        if (v4) {
            for (String part : value.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        }
        try {
            // a literal: InetAddress parses it without any lookup
            return InetAddress.getByName(value).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
