package dev.cubby.tls;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names and addresses a self-signed certificate must cover so that a client reaching the
 * server by any of them passes host-name verification.
 *
 * @param dnsNames    lower-case host names, possibly one {@code *.domain} wildcard
 * @param ipAddresses addresses without zone, IPv6 ones with the longest run of zero groups as {@code ::}
 */
public record SubjectAlternativeNames(Set<String> dnsNames, Set<String> ipAddresses) {
    public SubjectAlternativeNames {
        dnsNames = Set.copyOf(new TreeSet<>(dnsNames));
        ipAddresses = Set.copyOf(new TreeSet<>(ipAddresses));
    }

    /**
     * What this host answers to: localhost and the loopback addresses, the host name (also as
     * {@code NAME.local}, the mDNS name NAS boxes are often reached by) and its fully qualified
     * form, the address of every interface that is up, the listen address, the host of the
     * configured endpoint, and {@code domain} with {@code *.domain} for virtual-host-style requests.
     * IPv6 link-local addresses are left out: they need a zone that no URL a client is given can
     * carry, and they would change the certificate whenever an interface comes and goes.
     */
    public static SubjectAlternativeNames forThisHost(String listenAddress, String endpoint, String domain) {
        var names = new TreeSet<String>();
        var addresses = new TreeSet<String>();
        names.add("localhost");
        addresses.add(normalAddress("127.0.0.1"));
        addresses.add(normalAddress("::1"));
        try {
            InetAddress local = InetAddress.getLocalHost();
            String host = local.getHostName();
            addName(host, names, addresses);
            if (!host.contains(".")) {
                addName(host + ".local", names, addresses);
            }
            addName(local.getCanonicalHostName(), names, addresses);
        } catch (UnknownHostException e) {
            // a host whose own name does not resolve still has its addresses and localhost
        }
        try {
            for (NetworkInterface network : NetworkInterface.networkInterfaces().toList()) {
                if (network.isUp()) {
                    network.inetAddresses().filter(a -> !(a instanceof Inet6Address && a.isLinkLocalAddress()))
                            .forEach(a -> addresses.add(withoutZone(a)));
                }
            }
        } catch (SocketException e) {
            // no interface list: the names above still cover localhost and the host name
        }
        if (listenAddress != null && !listenAddress.equals("0.0.0.0") && !listenAddress.equals("::")) {
            addName(listenAddress, names, addresses);
        }
        if (endpoint != null) {
            String host = URI.create(endpoint).getHost();
            if (host != null) {
                addName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, names, addresses);
            }
        }
        if (domain != null) {
            addName(domain, names, addresses);
            names.add("*." + domain.toLowerCase(Locale.ROOT));
        }
        return new SubjectAlternativeNames(names, addresses);
    }

    /** The names and addresses a certificate's subjectAltName extension lists. */
    public static SubjectAlternativeNames of(X509Certificate certificate) {
        var names = new TreeSet<String>();
        var addresses = new TreeSet<String>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            for (List<?> entry : entries == null ? List.<List<?>>of() : entries) {
                int type = (Integer) entry.get(0);
                String value = String.valueOf(entry.get(1));
                if (type == 2) {
                    names.add(value.toLowerCase(Locale.ROOT));
                } else if (type == 7) {
                    addresses.add(normalAddress(value));
                }
            }
        } catch (CertificateParsingException e) {
            // an unreadable extension covers nothing
        }
        return new SubjectAlternativeNames(names, addresses);
    }

    /** Whether every name and address of {@code needed} is also here. */
    public boolean covers(SubjectAlternativeNames needed) {
        return dnsNames.containsAll(needed.dnsNames) && ipAddresses.containsAll(needed.ipAddresses);
    }

    private static void addName(String host, Set<String> names, Set<String> addresses) {
        if (host == null || host.isBlank()) {
            return;
        }
        if (isAddressLiteral(host)) {
            addresses.add(normalAddress(host));
        } else if (host.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '.'))) {
            names.add(host.toLowerCase(Locale.ROOT));
        }
    }

    private static boolean isAddressLiteral(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** One spelling per address, so that {@code ::1} and {@code 0:0:0:0:0:0:0:1} compare equal. */
    private static String normalAddress(String literal) {
        try {
            int zone = literal.indexOf('%');
            return withoutZone(InetAddress.getByName(zone < 0 ? literal : literal.substring(0, zone)));
        } catch (UnknownHostException e) {
            return literal; // a literal never needs a lookup; keep it as given rather than lose it
        }
    }

    private static String withoutZone(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is written out, as RFC 5952 asks
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        var text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
