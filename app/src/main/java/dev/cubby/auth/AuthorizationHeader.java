package dev.cubby.auth;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}
 * header.
 *
 * <p>Clients vary in the separators they put between the three components (", ", "," or just a
 * space), in their order, and sometimes in spaces around {@code '='}; all of those are accepted.
 * None of the values can contain a space or comma, which is what makes this leniency safe.
 */
record AuthorizationHeader(CredentialParameter credential, SignedHeaders signedHeaders, String signature) {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    static AuthorizationHeader parse(String value) {
        String text = value.trim();
        if (!text.startsWith(ALGORITHM + " ") && !text.startsWith(ALGORITHM + "\t")) {
            throw SignatureLocation.AUTHORIZATION_HEADER.malformed(
                    "it must start with \"AWS4-HMAC-SHA256 \" followed by Credential, SignedHeaders and Signature.");
        }
        Map<String, String> components = components(text.substring(ALGORITHM.length()));
        String credential = required(components, "credential", "Credential");
        String signedHeaders = required(components, "signedheaders", "SignedHeaders");
        String signature = required(components, "signature", "Signature");
        if (!isHex64(signature)) {
            throw SignatureLocation.AUTHORIZATION_HEADER.malformed(
                    "Signature must be 64 hex digits, but was \"" + signature + "\".");
        }
        return new AuthorizationHeader(
                CredentialParameter.parse(credential, SignatureLocation.AUTHORIZATION_HEADER),
                SignedHeaders.parse(signedHeaders, SignatureLocation.AUTHORIZATION_HEADER),
                signature);
    }

    /**
     * Splits {@code Credential=a, SignedHeaders=b, Signature=c} into lower-cased keys and values.
     * A hand scanner rather than regular expressions: this runs on every request.
     */
    private static Map<String, String> components(String text) {
        Map<String, String> components = new HashMap<>(4);
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && isSeparator(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                break;
            }
            int keyStart = i;
            while (i < n && text.charAt(i) != '=' && !isSeparator(text.charAt(i))) {
                i++;
            }
            String key = text.substring(keyStart, i);
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i == n || text.charAt(i) != '=' || key.isEmpty()) {
                throw SignatureLocation.AUTHORIZATION_HEADER.malformed(
                        "expected key=value but found \"" + key + "\".");
            }
            i++;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int valueStart = i;
            while (i < n && !isSeparator(text.charAt(i))) {
                i++;
            }
            put(components, key, text.substring(valueStart, i));
        }
        return components;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || Character.isWhitespace(c);
    }

    private static void put(Map<String, String> components, String key, String value) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (!lower.equals("credential") && !lower.equals("signedheaders") && !lower.equals("signature")) {
            throw SignatureLocation.AUTHORIZATION_HEADER.malformed(
                    "unknown component \"" + key + "\"; only Credential, SignedHeaders and Signature are allowed.");
        }
        if (components.put(lower, value) != null) {
            throw SignatureLocation.AUTHORIZATION_HEADER.malformed("component \"" + key + "\" appears twice.");
        }
    }

    private static boolean isHex64(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String required(Map<String, String> components, String key, String display) {
        String value = components.get(key);
        if (value == null || value.isEmpty()) {
            throw SignatureLocation.AUTHORIZATION_HEADER.malformed("it has no " + display + "=... component.");
        }
        return value;
    }
}
