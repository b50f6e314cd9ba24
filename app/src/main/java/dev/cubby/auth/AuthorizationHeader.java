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
        if (!signature.matches("[0-9a-fA-F]{64}")) {
            throw SignatureLocation.AUTHORIZATION_HEADER.malformed(
                    "Signature must be 64 hex digits, but was \"" + signature + "\".");
        }
        return new AuthorizationHeader(
                CredentialParameter.parse(credential, SignatureLocation.AUTHORIZATION_HEADER),
                SignedHeaders.parse(signedHeaders, SignatureLocation.AUTHORIZATION_HEADER),
                signature);
    }

    /** Splits {@code Credential=a, SignedHeaders=b, Signature=c} into lower-cased keys and values. */
    private static Map<String, String> components(String text) {
        Map<String, String> components = new HashMap<>();
        for (String component : text.replaceAll("\\s*=\\s*", "=").split("[,\\s]+")) {
            if (component.isEmpty()) {
                continue;
            }
            int equals = component.indexOf('=');
            if (equals <= 0) {
                throw SignatureLocation.AUTHORIZATION_HEADER.malformed(
                        "expected key=value but found \"" + component + "\".");
            }
            String key = component.substring(0, equals).toLowerCase(Locale.ROOT);
            if (!key.equals("credential") && !key.equals("signedheaders") && !key.equals("signature")) {
                throw SignatureLocation.AUTHORIZATION_HEADER.malformed(
                        "unknown component \"" + component.substring(0, equals)
                                + "\"; only Credential, SignedHeaders and Signature are allowed.");
            }
            if (components.put(key, component.substring(equals + 1)) != null) {
                throw SignatureLocation.AUTHORIZATION_HEADER.malformed(
                        "component \"" + component.substring(0, equals) + "\" appears twice.");
            }
        }
        return components;
    }

    private static String required(Map<String, String> components, String key, String display) {
        String value = components.get(key);
        if (value == null || value.isEmpty()) {
            throw SignatureLocation.AUTHORIZATION_HEADER.malformed("it has no " + display + "=... component.");
        }
        return value;
    }
}
