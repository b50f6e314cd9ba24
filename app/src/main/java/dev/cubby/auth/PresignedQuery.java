package dev.cubby.auth;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code X-Amz-*} parameters of a presigned URL.
 *
 * @param credential     from {@code X-Amz-Credential}
 * @param time           from {@code X-Amz-Date}
 * @param expiresSeconds from {@code X-Amz-Expires}, 0 (expired at once) to 604800 (seven days)
 * @param signedHeaders  from {@code X-Amz-SignedHeaders}
 * @param signature      from {@code X-Amz-Signature}
 * @param signedQuery    every query parameter except {@code X-Amz-Signature}: what the canonical
 *                       query is built from
 * @param contentSha256  the {@code X-Amz-Content-Sha256} parameter, {@code null} if absent
 */
record PresignedQuery(CredentialParameter credential, RequestTime time, long expiresSeconds,
        SignedHeaders signedHeaders, String signature, List<QueryParameter> signedQuery, String contentSha256) {
    static final long MAX_EXPIRES_SECONDS = 604_800;
    private static final SignatureLocation QUERY = SignatureLocation.QUERY;

    /** Whether the query asks for presigned authentication at all. */
    static boolean isPresent(List<QueryParameter> parameters) {
        for (QueryParameter parameter : parameters) {
            String name = parameter.name();
            if (name.equalsIgnoreCase("X-Amz-Signature") || name.equalsIgnoreCase("X-Amz-Algorithm")) {
                return true;
            }
        }
        return false;
    }

    static PresignedQuery parse(List<QueryParameter> parameters) {
        String algorithm = null;
        String credential = null;
        String date = null;
        String expires = null;
        String signedHeaders = null;
        String signature = null;
        String contentSha256 = null;
        List<QueryParameter> signedQuery = new ArrayList<>(parameters.size());
        for (QueryParameter parameter : parameters) {
            String name = parameter.name().toLowerCase(Locale.ROOT);
            String value = parameter.value();
            switch (name) {
                case "x-amz-algorithm" -> algorithm = once(algorithm, value, "X-Amz-Algorithm");
                case "x-amz-credential" -> credential = once(credential, value, "X-Amz-Credential");
                case "x-amz-date" -> date = once(date, value, "X-Amz-Date");
                case "x-amz-expires" -> expires = once(expires, value, "X-Amz-Expires");
                case "x-amz-signedheaders" -> signedHeaders = once(signedHeaders, value, "X-Amz-SignedHeaders");
                case "x-amz-signature" -> signature = once(signature, value, "X-Amz-Signature");
                case "x-amz-content-sha256" -> contentSha256 = once(contentSha256, value, "X-Amz-Content-Sha256");
                default -> { }
            }
            if (!name.equals("x-amz-signature")) {
                signedQuery.add(parameter);
            }
        }
        if (algorithm == null || credential == null || date == null || expires == null || signedHeaders == null
                || signature == null) {
            throw QUERY.malformed("Query-string authentication version 4 requires the X-Amz-Algorithm, "
                    + "X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires "
                    + "parameters.");
        }
        if (!algorithm.equals(AuthorizationHeader.ALGORITHM)) {
            throw QUERY.malformed("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\", not \"" + algorithm + "\".");
        }
        if (!signature.matches("[0-9a-fA-F]{64}")) {
            throw QUERY.malformed("X-Amz-Signature must be 64 hex digits.");
        }
        String amzDate = date;
        RequestTime time = RequestTime.parseAmzDate(amzDate).orElseThrow(() -> QUERY.malformed(
                "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\", but was \"" + amzDate + "\"."));
        return new PresignedQuery(CredentialParameter.parse(credential, QUERY), time, expiresSeconds(expires),
                SignedHeaders.parse(signedHeaders, QUERY), signature, List.copyOf(signedQuery), contentSha256);
    }

    private static long expiresSeconds(String text) {
        long seconds;
        try {
            seconds = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw QUERY.malformed("X-Amz-Expires should be a number of seconds, but was \"" + text + "\".");
        }
        // S3 answers a number out of range 403, as it does an expired URL (checked on AWS in
        // ceph/s3-tests#454 and apache/ozone#10749), not the 400 of a malformed parameter.
        if (seconds < 0) {
            throw S3Exception.of(S3ErrorCode.ACCESS_DENIED, "X-Amz-Expires must be non-negative: presign the URL "
                    + "again with an expiry from 1 to 604800 seconds.");
        }
        if (seconds > MAX_EXPIRES_SECONDS) {
            throw S3Exception.of(S3ErrorCode.ACCESS_DENIED, "X-Amz-Expires must be less than a week (in seconds) "
                    + "that is 604800: presign the URL again with a shorter expiry.");
        }
        return seconds;
    }

    private static String once(String previous, String value, String name) {
        if (previous != null) {
            throw QUERY.malformed(name + " appears more than once.");
        }
        return value;
    }
}
