package dev.cubby.auth;

import java.util.Arrays;

/**
 * The {@code Credential} part of a signature ({@code AKID/yyyymmdd/region/s3/aws4_request}),
 * from the Authorization header or {@code X-Amz-Credential}.
 */
record CredentialParameter(String accessKeyId, CredentialScope scope) {
    private static final String EXPECTED = "expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\"";

    /**
     * Parses {@code value}. The four scope fields are taken from the right, so the access key id
     * is everything before them.
     */
    static CredentialParameter parse(String value, SignatureLocation location) {
        String[] parts = value.trim().split("/", -1);
        if (parts.length < 5) {
            throw location.malformed("the Credential is mal-formed; " + EXPECTED + ".");
        }
        int n = parts.length;
        String accessKeyId = String.join("/", Arrays.copyOfRange(parts, 0, n - 4));
        String date = parts[n - 4];
        String region = parts[n - 3];
        String service = parts[n - 2];
        String terminator = parts[n - 1];
        if (accessKeyId.isEmpty() || region.isEmpty()) {
            throw location.malformed("the Credential is mal-formed; " + EXPECTED + ".");
        }
        if (date.length() != 8 || !date.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw location.malformed("incorrect credential date \"" + date + "\"; use the signing day as YYYYMMDD.");
        }
        if (!CredentialScope.SERVICE.equals(service)) {
            throw location.malformed("incorrect service \"" + service + "\". This endpoint belongs to \"s3\".");
        }
        if (!CredentialScope.TERMINATOR.equals(terminator)) {
            throw location.malformed("incorrect terminal \"" + terminator + "\". This endpoint uses \"aws4_request\".");
        }
        return new CredentialParameter(accessKeyId, new CredentialScope(date, region));
    }
}
