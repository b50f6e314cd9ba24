package dev.cubby.auth;

/**
 * The scope a signing key is bound to: {@code yyyymmdd/region/s3/aws4_request}.
 *
 * <p>Cubby accepts whatever region the client signed for (it serves one namespace under any
 * region name), but only the {@code s3} service.
 *
 * @param date   the signing day, {@code yyyymmdd}; must equal the day of the request time
 * @param region the region the client signed for, e.g. {@code us-east-1}
 */
record CredentialScope(String date, String region) {
    static final String SERVICE = "s3";
    static final String TERMINATOR = "aws4_request";

    /** The scope as it appears in the string to sign. */
    String text() {
        return date + "/" + region + "/" + SERVICE + "/" + TERMINATOR;
    }
}
