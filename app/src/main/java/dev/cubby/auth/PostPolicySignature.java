package dev.cubby.auth;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.util.Objects;
import java.util.function.Function;

/**
 * The signature of a browser POST upload (S3's "POST Object"): it signs the form's base64
 * {@code policy} field itself, not a canonical request. With SigV4 ({@code x-amz-algorithm},
 * {@code x-amz-credential}, {@code x-amz-date}, {@code x-amz-signature}) the signature is the hex
 * HMAC-SHA256 of the policy under the day's signing key; with SigV2 ({@code AWSAccessKeyId},
 * {@code signature}) it is the base64 HMAC-SHA1 of the policy under the secret.
 *
 * <p>No clock is checked here: a form is signed once and posted later, and the policy's own
 * {@code expiration} bounds its life (checked by the policy, after this signature holds).
 */
public final class PostPolicySignature {
    private final CredentialLookup credentials;

    public PostPolicySignature(CredentialLookup credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * Who signed the form.
     *
     * @param field  a form field's value by lower-case name, null when absent
     * @param policy the form's {@code policy} field as sent (base64), or null when absent
     * @return anonymous when the form carries neither a policy nor any signature field
     * @throws S3Exception InvalidArgument for a half-signed form, InvalidAccessKeyId for an unknown
     *                     key, SignatureDoesNotMatch for a wrong signature
     */
    public Authentication verify(Function<String, String> field, String policy) {
        String v4Signature = field.apply("x-amz-signature");
        String v2Signature = field.apply("signature");
        String v2KeyId = field.apply("awsaccesskeyid");
        boolean v4 = v4Signature != null || field.apply("x-amz-credential") != null
                || field.apply("x-amz-algorithm") != null;
        boolean v2 = v2Signature != null || v2KeyId != null;
        if (policy == null && !v4 && !v2) {
            return Authentication.anonymous();
        }
        if (v4 && v2) {
            throw invalid("Only one auth mechanism allowed: send either x-amz-signature (Signature Version 4) "
                    + "or signature with AWSAccessKeyId (Version 2), not both.");
        }
        if (policy == null) {
            throw invalid("Bucket POST must contain a field named 'policy' when it is signed.");
        }
        if (v4) {
            return verifyV4(field, policy, v4Signature);
        }
        if (v2KeyId == null) {
            throw invalid("Bucket POST must contain a field named 'AWSAccessKeyId'. If it is specified, please "
                    + "check the order of the fields (they must come before 'file').");
        }
        if (v2Signature == null) {
            throw invalid("Bucket POST must contain a field named 'Signature'. If it is specified, please check "
                    + "the order of the fields (they must come before 'file').");
        }
        Credential credential = credential(v2KeyId.trim());
        if (!SigV2Signature.matches(credential.secretAccessKey(), policy, v2Signature.trim())) {
            throw mismatch();
        }
        return Authentication.signatureV2(credential.accessKeyId());
    }

    private Authentication verifyV4(Function<String, String> field, String policy, String signature) {
        String algorithm = required(field, "x-amz-algorithm");
        if (!AuthorizationHeader.ALGORITHM.equals(algorithm.trim())) {
            throw invalid("The form's x-amz-algorithm must be " + AuthorizationHeader.ALGORITHM + ", not '"
                    + algorithm.trim() + "'.");
        }
        var credential = CredentialParameter.parse(required(field, "x-amz-credential"), SignatureLocation.POST_FORM);
        String amzDate = required(field, "x-amz-date");
        RequestTime time = RequestTime.parseAmzDate(amzDate).orElseThrow(() -> SignatureLocation.POST_FORM
                .malformed("x-amz-date must be yyyyMMdd'T'HHmmss'Z', not '" + amzDate.trim() + "'."));
        if (!credential.scope().date().equals(time.day())) {
            throw SignatureLocation.POST_FORM.malformed("the credential date " + credential.scope().date()
                    + " is not the day of x-amz-date " + time.amzDate() + ".");
        }
        if (signature == null) {
            throw invalid("Bucket POST must contain a field named 'x-amz-signature'. If it is specified, please "
                    + "check the order of the fields (they must come before 'file').");
        }
        Credential secret = credential(credential.accessKeyId());
        if (!SigningKey.derive(secret.secretAccessKey(), credential.scope()).matches(policy, signature.trim())) {
            throw mismatch();
        }
        return new Authentication(secret.accessKeyId(), credential.scope().region(), PayloadMode.UNSIGNED,
                "UNSIGNED-PAYLOAD", null);
    }

    /** The SigV4 signature of {@code policy} (base64), as a form's {@code x-amz-signature} carries it. */
    static String signV4(Credential credential, String day, String region, String policy) {
        return SigningKey.derive(credential.secretAccessKey(), new CredentialScope(day, region)).sign(policy);
    }

    private static String required(Function<String, String> field, String name) {
        String value = field.apply(name);
        if (value == null) {
            throw invalid("Bucket POST signed with Signature Version 4 must contain a field named '" + name
                    + "' before 'file'.");
        }
        return value;
    }

    private Credential credential(String accessKeyId) {
        return credentials.find(accessKeyId).orElseThrow(() -> S3Exception.of(S3ErrorCode.INVALID_ACCESS_KEY_ID,
                "The AWS access key Id you provided does not exist in our records: \"" + accessKeyId + "\"."));
    }

    private static S3Exception mismatch() {
        return S3Exception.of(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, "The form's signature does not match the "
                + "signature of its policy field under the key's secret: sign the base64 policy exactly as sent.");
    }

    private static S3Exception invalid(String message) {
        return S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, message);
    }
}
