package dev.cubby.auth;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Verifies a request's AWS signature and then its body. Signature Version 4, in both of its forms
 * (the {@code Authorization} header and presigned URLs), is checked here, and the body as its
 * {@code x-amz-content-sha256} requires. Signature Version 2 ({@code Authorization: AWS
 * id:signature} or {@code ?AWSAccessKeyId=...&Signature=...&Expires=...}), still sent by older
 * clients, is recognised here and handed to {@link SigV2Verifier}; such a request's body is unsigned.
 *
 * <p>The server calls {@link #verify} before doing anything on a request's behalf, and reads the
 * body only through {@link #wrapBody}. Thread-safe; one instance serves all requests.
 */
public final class SignatureVerifier {
    /** How far a request's signing time may be from the server's clock, as in S3. */
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final int SIGNING_KEY_CACHE_SIZE = 256;

    private final CredentialLookup credentials;
    private final Clock clock;
    private final SigningKeyCache signingKeys = new SigningKeyCache(SIGNING_KEY_CACHE_SIZE);
    private final SigV2Verifier signatureV2;

    public SignatureVerifier(CredentialLookup credentials, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signatureV2 = new SigV2Verifier(credentials, clock);
    }

    /**
     * Checks the request's signature.
     *
     * @return the signer and payload mode; {@link Authentication#isAnonymous() anonymous} when the
     *         request has neither an {@code Authorization} header nor an {@code X-Amz-Signature} /
     *         {@code X-Amz-Algorithm} (SigV4) or {@code AWSAccessKeyId} / {@code Signature} (SigV2)
     *         query parameter (whether anonymous access is allowed is the caller's decision)
     * @throws S3Exception when the request claims a signature that does not hold
     */
    public Authentication verify(SignedRequest request) {
        return verify(request, null);
    }

    /**
     * As {@link #verify(SignedRequest)}, for a request that may be virtual-hosted.
     *
     * @param virtualHostBucket the bucket the Host header names ({@code photos} of
     *                          {@code photos.nas.local}), or null for a path-style request. SigV4
     *                          signs the Host header; SigV2 does not, so there the bucket is put in
     *                          the signed resource, or a URL signed for one bucket would serve another
     */
    public Authentication verify(SignedRequest request, String virtualHostBucket) {
        List<QueryParameter> query = QueryParameter.parse(request.rawQuery());
        boolean presigned = PresignedQuery.isPresent(query);
        boolean presignedV2 = SigV2PresignedQuery.isPresent(query);
        var authorization = request.header("authorization");
        if ((authorization.isPresent() ? 1 : 0) + (presigned ? 1 : 0) + (presignedV2 ? 1 : 0) > 1) {
            throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "Only one auth mechanism allowed; only the "
                    + "X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header "
                    + "should be specified.");
        }
        if (authorization.isPresent() && SigV2AuthorizationHeader.isV2(authorization.get())) {
            rejectSessionToken(request);
            return signatureV2.verifyHeader(request, SigV2AuthorizationHeader.parse(authorization.get()), virtualHostBucket);
        }
        if (presignedV2) {
            rejectSessionToken(request);
            return signatureV2.verifyQuery(request, SigV2PresignedQuery.parse(query), virtualHostBucket);
        }
        if (authorization.isPresent()) {
            return verifyAuthorizationHeader(request, AuthorizationHeader.parse(authorization.get()), query);
        }
        if (presigned) {
            return verifyPresigned(request, PresignedQuery.parse(query));
        }
        return anonymous(request);
    }

    /**
     * Wraps the raw body so that reading it checks what {@code auth.payloadMode()} requires: a
     * SHA-256 at end of stream, or aws-chunked decoding with chunk and trailer signatures, the
     * declared trailers and {@code x-amz-decoded-content-length}.
     */
    public VerifiedBody wrapBody(Authentication auth, SignedRequest request, InputStream rawBody) {
        PayloadMode mode = auth.payloadMode();
        if (mode == PayloadMode.UNSIGNED) {
            return VerifiedBody.of(rawBody);
        }
        if (mode == PayloadMode.SHA256) {
            return VerifiedBody.of(new Sha256CheckingInputStream(rawBody, auth.contentSha256()));
        }
        ChunkSignatureChain chain = mode.hasSignedChunks() ? new ChunkSignatureChain(auth.signing()) : null;
        TrailerSection trailers = new TrailerSection(mode, TrailerSection.declaredBy(request));
        AwsChunkedInputStream decoded = new AwsChunkedInputStream(rawBody, chain, trailers, decodedLength(request));
        return new StreamBody(decoded, trailers::received);
    }

    private Authentication verifyAuthorizationHeader(SignedRequest request, AuthorizationHeader header,
            List<QueryParameter> query) {
        rejectSessionToken(request);
        String contentSha256 = request.header("x-amz-content-sha256").map(String::trim).orElseThrow(() ->
                S3Exception.of(S3ErrorCode.INVALID_REQUEST,
                        "Missing required header for this request: x-amz-content-sha256."));
        PayloadMode mode = PayloadMode.fromContentSha256(contentSha256);
        RequestTime time = headerTime(request);
        CredentialScope scope = header.credential().scope();
        if (!scope.date().equals(time.day())) {
            throw SignatureLocation.AUTHORIZATION_HEADER.malformed("Invalid credential date \"" + scope.date()
                    + "\". This date is not the same as X-Amz-Date: \"" + time.day() + "\".");
        }
        header.signedHeaders().requireAmzHeadersSigned(request);
        Credential credential = credential(header.credential().accessKeyId());
        requireWithinSkew(time.instant());
        SigningKey key = signingKeys.get(credential.secretAccessKey(), scope);
        CanonicalRequest canonical = CanonicalRequest.of(request, query, header.signedHeaders(), contentSha256);
        requireSignature(key, time, scope, canonical, header.signature());
        return new Authentication(credential.accessKeyId(), scope.region(), mode, contentSha256,
                new SigningContext(key, time.amzDate(), scope, header.signature().toLowerCase(Locale.ROOT)));
    }

    private Authentication verifyPresigned(SignedRequest request, PresignedQuery presigned) {
        rejectSessionToken(request);
        CredentialScope scope = presigned.credential().scope();
        RequestTime time = presigned.time();
        if (!scope.date().equals(time.day())) {
            throw SignatureLocation.QUERY.malformed("Invalid credential date \"" + scope.date()
                    + "\". This date is not the same as X-Amz-Date: \"" + time.day() + "\".");
        }
        presigned.signedHeaders().requireAmzHeadersSigned(request);
        Credential credential = credential(presigned.credential().accessKeyId());
        Instant now = clock.instant();
        if (time.instant().isAfter(now.plus(MAX_SKEW))) {
            throw S3Exception.of(S3ErrorCode.REQUEST_TIME_TOO_SKEWED, "The presigned URL's X-Amz-Date "
                    + time.amzDate() + " is more than 15 minutes ahead of the server time " + now + ".");
        }
        // Valid up to its expiry; a URL of X-Amz-Expires=0 has expired when it arrives, as in S3.
        Instant expiry = time.instant().plusSeconds(presigned.expiresSeconds());
        if (presigned.expiresSeconds() == 0 || now.isAfter(expiry)) {
            throw S3Exception.of(S3ErrorCode.ACCESS_DENIED_EXPIRED,
                    "Request has expired: the presigned URL was valid until " + expiry + "; it is now " + now + ".");
        }
        String contentSha256 = presigned.contentSha256() != null
                ? presigned.contentSha256().trim()
                : request.header("x-amz-content-sha256").map(String::trim).orElse("UNSIGNED-PAYLOAD");
        PayloadMode mode = PayloadMode.fromContentSha256(contentSha256);
        SigningKey key = signingKeys.get(credential.secretAccessKey(), scope);
        CanonicalRequest canonical =
                CanonicalRequest.of(request, presigned.signedQuery(), presigned.signedHeaders(), contentSha256);
        requireSignature(key, time, scope, canonical, presigned.signature());
        return new Authentication(credential.accessKeyId(), scope.region(), mode, contentSha256,
                new SigningContext(key, time.amzDate(), scope,
                        presigned.signature().toLowerCase(Locale.ROOT)));
    }

    /** An unsigned request; its body is still checked if it declares a hash or unsigned trailers. */
    private static Authentication anonymous(SignedRequest request) {
        var declared = request.header("x-amz-content-sha256").map(String::trim);
        if (declared.isEmpty()) {
            return Authentication.anonymous();
        }
        PayloadMode mode = PayloadMode.fromContentSha256(declared.get());
        if (mode.hasSignedChunks()) {
            throw S3Exception.of(S3ErrorCode.INVALID_REQUEST, "x-amz-content-sha256 " + declared.get()
                    + " needs chunk signatures, which need a signed request; sign the request or use "
                    + "STREAMING-UNSIGNED-PAYLOAD-TRAILER / UNSIGNED-PAYLOAD.");
        }
        return Authentication.anonymous(mode, declared.get());
    }

    private void requireSignature(SigningKey key, RequestTime time, CredentialScope scope, CanonicalRequest canonical,
            String claimed) {
        String stringToSign = StringToSign.forRequest(time.amzDate(), scope, canonical.text());
        if (!key.matches(stringToSign, claimed)) {
            throw S3Exception.of(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, S3ErrorCode.SIGNATURE_DOES_NOT_MATCH
                    .defaultMessage() + "\nStringToSign:\n" + stringToSign + "\nCanonicalRequest:\n" + canonical.text());
        }
    }

    private Credential credential(String accessKeyId) {
        return credentials.find(accessKeyId).orElseThrow(() -> S3Exception.of(S3ErrorCode.INVALID_ACCESS_KEY_ID,
                "The AWS access key Id you provided does not exist in our records: \"" + accessKeyId + "\"."));
    }

    private void requireWithinSkew(Instant signedAt) {
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            throw S3Exception.of(S3ErrorCode.REQUEST_TIME_TOO_SKEWED, "The difference between the request time "
                    + signedAt + " and the server's time " + now + " is more than 15 minutes; fix the client clock.");
        }
    }

    /** {@code x-amz-date}, or the {@code Date} header when there is none. */
    private static RequestTime headerTime(SignedRequest request) {
        var amzDate = request.header("x-amz-date");
        var time = amzDate.isPresent()
                ? RequestTime.parseAmzDate(amzDate.get())
                : request.header("date").flatMap(RequestTime::parseHttpDate);
        return time.orElseThrow(() -> S3Exception.of(S3ErrorCode.ACCESS_DENIED,
                "AWS authentication requires a valid Date or x-amz-date header (x-amz-date as yyyyMMdd'T'HHmmss'Z')."));
    }

    /**
     * Cubby has no security token service, so a session token can never be valid; rejecting it
     * says so plainly instead of failing later as a confusing signature mismatch.
     */
    private static void rejectSessionToken(SignedRequest request) {
        boolean inQuery = QueryParameter.parse(request.rawQuery()).stream()
                .anyMatch(parameter -> parameter.name().equalsIgnoreCase("X-Amz-Security-Token"));
        if (inQuery || request.header("x-amz-security-token").isPresent()) {
            throw S3Exception.of(S3ErrorCode.INVALID_REQUEST, "Session tokens (X-Amz-Security-Token) are not "
                    + "supported: this server only knows long-term access keys. Sign without a session token.");
        }
    }

    private static long decodedLength(SignedRequest request) {
        return ByteCountHeader.decodedContentLength(
                request.header(ByteCountHeader.DECODED_CONTENT_LENGTH).orElse(null));
    }
}
