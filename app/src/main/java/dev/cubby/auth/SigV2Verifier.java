package dev.cubby.auth;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Verifies AWS Signature Version 2, the HMAC-SHA1 scheme older clients still use: Debian's
 * python3-boto3 1.26 presigns URLs with it by default, and some tools sign with
 * {@code Authorization: AWS AccessKeyId:Signature}.
 *
 * <p>{@link SignatureVerifier} decides which version a request uses and delegates here. SigV2 never
 * covers the body, so a request verified here has an {@link PayloadMode#UNSIGNED unsigned}
 * payload. SigV2 does not sign the Host header, so a virtual-hosted request's bucket is signed as
 * the first segment of its resource, as S3 does (see {@link SigV2CanonicalResource}).
 */
final class SigV2Verifier {
    private final CredentialLookup credentials;
    private final Clock clock;

    SigV2Verifier(CredentialLookup credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** {@code Authorization: AWS AccessKeyId:Signature}, dated by {@code x-amz-date} or {@code Date}. */
    Authentication verifyHeader(SignedRequest request, SigV2AuthorizationHeader header, String virtualHostBucket) {
        requireUnchunkedBody(request);
        var amzDate = request.header("x-amz-date");
        Instant signedAt = signingTime(request);
        Credential credential = credential(header.accessKeyId());
        requireWithinSkew(signedAt);
        // With x-amz-date the Date line is empty: x-amz-date is signed among the amz headers.
        String dateLine = amzDate.isPresent() ? "" : request.header("date").orElse("").trim();
        String claimed = header.signature();
        requireSignature(credential, resource -> SigV2StringToSign.of(request, dateLine, resource),
                resources(request, virtualHostBucket), claimed);
        return Authentication.signatureV2(credential.accessKeyId());
    }

    /** A presigned URL: {@code ?AWSAccessKeyId=...&Signature=...&Expires=...}. */
    Authentication verifyQuery(SignedRequest request, SigV2PresignedQuery presigned, String virtualHostBucket) {
        requireUnchunkedBody(request);
        Credential credential = credential(presigned.accessKeyId());
        Instant now = clock.instant();
        Instant expiry = Instant.ofEpochSecond(presigned.expiresEpochSeconds());
        if (now.isAfter(expiry)) {
            throw S3Exception.of(S3ErrorCode.ACCESS_DENIED_EXPIRED,
                    "Request has expired: the presigned URL was valid until " + expiry + "; it is now " + now + ".");
        }
        SignedRequest signed = presigned.withHeadersInQuery(request);
        requireSignature(credential, resource -> SigV2StringToSign.of(signed, presigned.expires(), resource),
                resources(request, virtualHostBucket), presigned.signature());
        return Authentication.signatureV2(credential.accessKeyId());
    }

    private static java.util.List<String> resources(SignedRequest request, String virtualHostBucket) {
        return SigV2CanonicalResource.accepted(virtualHostBucket, request.rawPath(), request.rawQuery());
    }

    /** Passes when the claimed signature signs the string to sign of any accepted resource. */
    private static void requireSignature(Credential credential, java.util.function.UnaryOperator<String> stringToSign,
                                         java.util.List<String> resources, String claimed) {
        for (String resource : resources) {
            if (SigV2Signature.matches(credential.secretAccessKey(), stringToSign.apply(resource), claimed)) {
                return;
            }
        }
        requireSignature(credential, stringToSign.apply(resources.get(0)), claimed);
    }

    private static void requireSignature(Credential credential, String stringToSign, String claimed) {
        if (!SigV2Signature.matches(credential.secretAccessKey(), stringToSign, claimed)) {
            throw S3Exception.of(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, S3ErrorCode.SIGNATURE_DOES_NOT_MATCH
                    .defaultMessage() + " (Signature Version 2; only path-style requests are supported.)"
                    + "\nStringToSign:\n" + stringToSign);
        }
    }

    private Credential credential(String accessKeyId) {
        return credentials.find(accessKeyId).orElseThrow(() -> S3Exception.of(S3ErrorCode.INVALID_ACCESS_KEY_ID,
                "The AWS access key Id you provided does not exist in our records: \"" + accessKeyId + "\"."));
    }

    private void requireWithinSkew(Instant signedAt) {
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(SignatureVerifier.MAX_SKEW) > 0) {
            throw S3Exception.of(S3ErrorCode.REQUEST_TIME_TOO_SKEWED, "The difference between the request time "
                    + signedAt + " and the server's time " + now + " is more than 15 minutes; fix the client clock.");
        }
    }

    /**
     * {@code x-amz-date}, else {@code Date}. SigV2 clients send RFC 1123 dates in either header;
     * the ISO 8601 basic form SigV4 uses is accepted in {@code x-amz-date} too.
     */
    private static Instant signingTime(SignedRequest request) {
        var amzDate = request.header("x-amz-date");
        var time = amzDate.isPresent()
                ? RequestTime.parseHttpDate(amzDate.get()).or(() -> RequestTime.parseAmzDate(amzDate.get()))
                : request.header("date").flatMap(RequestTime::parseHttpDate);
        return time.map(RequestTime::instant).orElseThrow(() -> S3Exception.of(S3ErrorCode.ACCESS_DENIED,
                "AWS authentication requires a valid Date or x-amz-date header (in RFC 1123 form, e.g. "
                        + "\"Tue, 27 Mar 2007 19:36:42 +0000\")."));
    }

    /**
     * SigV2 covers no body, and an aws-chunked body would reach storage with its chunk framing
     * still in it; such uploads need SigV4.
     */
    private static void requireUnchunkedBody(SignedRequest request) {
        var declared = request.header("x-amz-content-sha256").map(String::trim);
        if (declared.isPresent() && declared.get().startsWith("STREAMING-")) {
            throw S3Exception.of(S3ErrorCode.INVALID_REQUEST, "x-amz-content-sha256 " + declared.get()
                    + " (an aws-chunked body) needs AWS Signature Version 4; sign the upload with SigV4 or send "
                    + "the body as it is.");
        }
    }
}
