package dev.cubby.auth;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Makes presigned GET URLs (SigV4 query form) for {@code cubby share}, with the same canonical
 * request, string to sign and signing key the verifier checks them with, so the two cannot drift.
 */
public final class Presigner {
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Presigner() {
    }

    /**
     * A URL that GETs {@code bucket/key} at {@code endpoint} (path style) until {@code signedAt + expiresIn}.
     *
     * @param expiresIn 1 second to 7 days, the range SigV4 allows
     */
    public static URI presignGet(URI endpoint, Credential credential, String region, String bucket, String key,
                                 Instant signedAt, Duration expiresIn) {
        long seconds = expiresIn.toSeconds();
        if (seconds < 1 || seconds > PresignedQuery.MAX_EXPIRES_SECONDS) {
            throw new IllegalArgumentException("a presigned URL lasts from 1 second to 7 days, not " + expiresIn);
        }
        String amzDate = AMZ_DATE.format(signedAt);
        var scope = new CredentialScope(amzDate.substring(0, 8), region);
        String base = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
        String rawPath = base + "/" + UriEncoding.encode(bucket + "/" + key, true);
        String rawQuery = "X-Amz-Algorithm=" + AuthorizationHeader.ALGORITHM
                + "&X-Amz-Credential=" + UriEncoding.encode(credential.accessKeyId() + "/" + scope.text(), false)
                + "&X-Amz-Date=" + amzDate
                + "&X-Amz-Expires=" + seconds
                + "&X-Amz-SignedHeaders=host";
        String host = endpoint.getRawAuthority().substring(endpoint.getRawAuthority().indexOf('@') + 1);
        var request = new SignedRequest("GET", rawPath, rawQuery, Map.of("host", List.of(host)));
        var canonical = CanonicalRequest.of(request, QueryParameter.parse(rawQuery),
                SignedHeaders.parse("host", SignatureLocation.QUERY), "UNSIGNED-PAYLOAD");
        String signature = SigningKey.derive(credential.secretAccessKey(), scope)
                .sign(StringToSign.forRequest(amzDate, scope, canonical.text()));
        return URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + rawPath + "?" + rawQuery
                + "&X-Amz-Signature=" + signature);
    }

    /**
     * The {@code x-amz-algorithm}, {@code x-amz-credential} and {@code x-amz-date} fields of a
     * browser POST form signed at {@code signedAt}, in that order; its policy must name each of them
     * in a condition, and {@link #signPostPolicy} signs it with the same time.
     */
    public static Map<String, String> postFormFields(Credential credential, String region, Instant signedAt) {
        String amzDate = AMZ_DATE.format(signedAt);
        var scope = new CredentialScope(amzDate.substring(0, 8), region);
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("x-amz-algorithm", AuthorizationHeader.ALGORITHM);
        fields.put("x-amz-credential", credential.accessKeyId() + "/" + scope.text());
        fields.put("x-amz-date", amzDate);
        return fields;
    }

    /** The form's {@code x-amz-signature}: the SigV4 signature of its base64 {@code policy} field. */
    public static String signPostPolicy(Credential credential, String region, Instant signedAt, String policyBase64) {
        return PostPolicySignature.signV4(credential, AMZ_DATE.format(signedAt).substring(0, 8), region, policyBase64);
    }
}
