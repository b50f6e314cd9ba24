package dev.cubby.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostPolicySignatureTest {
    private static final Credential KEY = new Credential("AKIDPOST", "postSecret/123");
    private static final String POLICY = "eyJleHBpcmF0aW9uIjoiMjAzMC0wMS0wMVQwMDowMDowMFoiLCJjb25kaXRpb25zIjpbXX0=";
    private static final Instant SIGNED = Instant.parse("2026-12-04T10:20:30Z");
    private final PostPolicySignature signatures = new PostPolicySignature(
            id -> id.equals(KEY.accessKeyId()) ? Optional.of(KEY) : Optional.empty());

    private static Map<String, String> v4Form() {
        var fields = new HashMap<>(Presigner.postFormFields(KEY, "eu-west-1", SIGNED));
        fields.put("x-amz-signature", Presigner.signPostPolicy(KEY, "eu-west-1", SIGNED, POLICY));
        return fields;
    }

    private S3ErrorCode failure(Map<String, String> fields, String policy) {
        return assertThrows(S3Exception.class, () -> signatures.verify(fields::get, policy)).code();
    }

    @Test
    void aSigV4SignedPolicyNamesItsSigner() {
        var caller = signatures.verify(v4Form()::get, POLICY);
        assertEquals("AKIDPOST", caller.accessKeyId());
        assertEquals("eu-west-1", caller.region());
    }

    @Test
    void aSigV4SignatureOfAnotherPolicyOrDayDoesNotMatch() {
        assertEquals(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, failure(v4Form(), POLICY.replace('J', 'K')));
        var otherDay = v4Form();
        otherDay.put("x-amz-credential", otherDay.get("x-amz-credential").replace("20261204", "20261203"));
        otherDay.put("x-amz-date", "20261203T102030Z");
        assertEquals(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, failure(otherDay, POLICY));
    }

    @Test
    void aSigV4FormMissingAFieldOrWithABadOneIsAnInvalidArgument() {
        for (String field : new String[]{"x-amz-algorithm", "x-amz-date", "x-amz-signature"}) {
            var form = v4Form();
            form.remove(field);
            assertEquals(S3ErrorCode.INVALID_ARGUMENT, failure(form, POLICY), field);
        }
        var form = v4Form();
        form.put("x-amz-algorithm", "AWS4-HMAC-SHA1");
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, failure(form, POLICY));
        form = v4Form();
        form.put("x-amz-date", "20261205T000000Z");
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, failure(form, POLICY));
    }

    @Test
    void aSigV2SignedPolicyNamesItsSigner() {
        var fields = Map.of("awsaccesskeyid", "AKIDPOST", "signature", SigV2Signature.sign(KEY.secretAccessKey(), POLICY));
        assertEquals("AKIDPOST", signatures.verify(fields::get, POLICY).accessKeyId());
        var wrong = Map.of("awsaccesskeyid", "AKIDPOST", "signature", SigV2Signature.sign("other", POLICY));
        assertEquals(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, failure(wrong, POLICY));
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, failure(Map.of("awsaccesskeyid", "AKIDPOST"), POLICY));
    }

    @Test
    void anUnknownKeyIsInvalidAccessKeyId() {
        var fields = Map.of("awsaccesskeyid", "AKIDNOBODY", "signature", "x");
        assertEquals(S3ErrorCode.INVALID_ACCESS_KEY_ID, failure(fields, POLICY));
    }

    @Test
    void noPolicyAndNoSignatureIsAnonymousButHalfASignatureIsRefused() {
        assertTrue(signatures.verify(Map.<String, String>of()::get, null).isAnonymous());
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, failure(Map.of(), POLICY));
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, failure(v4Form(), null));
    }
}
