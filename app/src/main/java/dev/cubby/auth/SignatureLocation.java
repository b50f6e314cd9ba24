package dev.cubby.auth;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;

/**
 * Where a request carries its signature. The forms of one signature version share all the maths but
 * S3 reports their syntax errors differently, so parsers ask this for the right error.
 */
enum SignatureLocation {
    /** {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}. */
    AUTHORIZATION_HEADER(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED, "The authorization header is malformed; "),
    /** A presigned URL's {@code X-Amz-*} query parameters. */
    QUERY(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, "The presigned URL's X-Amz-* parameters are malformed; "),
    /**
     * {@code Authorization: AWS AccessKeyId:Signature} (Signature Version 2). S3 answers a
     * malformed one with {@code InvalidArgument}, not {@code AuthorizationHeaderMalformed}.
     */
    V2_AUTHORIZATION_HEADER(S3ErrorCode.INVALID_ARGUMENT,
            "The AWS authorization header is invalid (expected \"AWS AccessKeyId:Signature\"); "),
    /** A Signature Version 2 presigned URL's {@code AWSAccessKeyId}, {@code Signature} and {@code Expires}. */
    V2_QUERY(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR,
            "The presigned URL's AWSAccessKeyId, Signature and Expires parameters are malformed; "),
    /** A browser POST form's {@code x-amz-credential} and {@code x-amz-date} fields. */
    POST_FORM(S3ErrorCode.INVALID_ARGUMENT, "The form's x-amz-credential or x-amz-date field is malformed; ");

    private final S3ErrorCode malformedCode;
    private final String messagePrefix;

    SignatureLocation(S3ErrorCode malformedCode, String messagePrefix) {
        this.malformedCode = malformedCode;
        this.messagePrefix = messagePrefix;
    }

    /** The error for a syntactically wrong signature part, with {@code detail} saying what to fix. */
    S3Exception malformed(String detail) {
        return S3Exception.of(malformedCode, messagePrefix + detail);
    }
}
