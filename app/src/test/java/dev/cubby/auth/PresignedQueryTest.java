package dev.cubby.auth;

import static dev.cubby.auth.AwsExamples.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Presigned URL checks against the documented example (expires 86400 s after 20130524T000000Z). */
class PresignedQueryTest {

    private static void assertS3Error(S3ErrorCode expected, Executable executable) {
        S3Exception e = assertThrows(S3Exception.class, executable);
        assertEquals(expected, e.code(), e.getMessage());
    }

    @Test
    void validUntilExpiry() {
        assertEquals(ACCESS_KEY, verifierAt(TIME.plusSeconds(86400)).verify(presignedGet(PRESIGNED_QUERY))
                .accessKeyId());
    }

    @Test
    void expired() {
        S3Exception e = assertThrows(S3Exception.class,
                () -> verifierAt(TIME.plusSeconds(86401)).verify(presignedGet(PRESIGNED_QUERY)));
        assertEquals("AccessDenied", e.code().wireCode());
        assertEquals(403, e.code().httpStatus());
        assertEquals(true, e.getMessage().startsWith("Request has expired"));
    }

    @Test
    void datedTooFarInTheFuture() {
        assertS3Error(S3ErrorCode.REQUEST_TIME_TOO_SKEWED,
                () -> verifierAt(TIME.minus(Duration.ofMinutes(16))).verify(presignedGet(PRESIGNED_QUERY)));
        assertEquals(ACCESS_KEY, verifierAt(TIME.minus(Duration.ofMinutes(14)))
                .verify(presignedGet(PRESIGNED_QUERY)).accessKeyId());
    }

    @Test
    void tamperedParameters() {
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> verifier().verify(
                presignedGet(PRESIGNED_QUERY.replace("X-Amz-Expires=86400", "X-Amz-Expires=86401"))));
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                () -> verifier().verify(presignedGet(PRESIGNED_QUERY + "&versionId=1")));
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> verifier().verify(
                new SignedRequest("GET", "/test.txt", PRESIGNED_QUERY, headers("Host", "other.example.com"))));
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> verifier().verify(
                new SignedRequest("PUT", "/test.txt", PRESIGNED_QUERY, headers("Host", "examplebucket.s3.amazonaws.com"))));
    }

    @Test
    void expiresOutOfRangeIsAccessDeniedAsOnS3() {
        for (String expires : new String[] {"604801", "-5"}) {
            assertS3Error(S3ErrorCode.ACCESS_DENIED, () -> verifier().verify(
                    presignedGet(PRESIGNED_QUERY.replace("X-Amz-Expires=86400", "X-Amz-Expires=" + expires))));
        }
    }

    @Test
    void expiresThatIsNoNumberIsMalformed() {
        assertS3Error(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, () -> verifier().verify(
                presignedGet(PRESIGNED_QUERY.replace("X-Amz-Expires=86400", "X-Amz-Expires=soon"))));
    }

    @Test
    void expiresZeroHasExpiredWhenItArrives() {
        assertS3Error(S3ErrorCode.ACCESS_DENIED_EXPIRED, () -> verifier().verify(
                presignedGet(PRESIGNED_QUERY.replace("X-Amz-Expires=86400", "X-Amz-Expires=0"))));
    }

    @Test
    void missingOrMalformedParameters() {
        for (String bad : new String[] {
            PRESIGNED_QUERY.replace("&X-Amz-Date=20130524T000000Z", ""),
            PRESIGNED_QUERY.replace("X-Amz-Date=20130524T000000Z", "X-Amz-Date=2013-05-24"),
            PRESIGNED_QUERY.replace("X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Algorithm=AWS4-HMAC-SHA1"),
            PRESIGNED_QUERY.replace("%2Fs3%2F", "%2Fsqs%2F"),
            PRESIGNED_QUERY.replace("X-Amz-SignedHeaders=host", "X-Amz-SignedHeaders=range"),
            PRESIGNED_QUERY.replace("X-Amz-Date=20130524T000000Z", "X-Amz-Date=20130525T000000Z"),
            PRESIGNED_QUERY + "&X-Amz-Date=20130524T000000Z",
        }) {
            assertS3Error(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, () -> verifier().verify(presignedGet(bad)));
        }
    }

    @Test
    void unknownAccessKey() {
        assertS3Error(S3ErrorCode.INVALID_ACCESS_KEY_ID, () -> verifier().verify(
                presignedGet(PRESIGNED_QUERY.replace("AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLF"))));
    }

    @Test
    void sessionTokenIsRefused() {
        assertS3Error(S3ErrorCode.INVALID_REQUEST,
                () -> verifier().verify(presignedGet(PRESIGNED_QUERY + "&X-Amz-Security-Token=abc")));
    }

    @Test
    void unsignedAmzHeaderIsRejected() {
        assertS3Error(S3ErrorCode.ACCESS_DENIED, () -> verifier().verify(new SignedRequest("GET", "/test.txt",
                PRESIGNED_QUERY, Map.of("host", java.util.List.of("examplebucket.s3.amazonaws.com"),
                        "x-amz-acl", java.util.List.of("public-read")))));
    }

    @Test
    void signatureAloneMakesItPresigned() {
        assertS3Error(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR,
                () -> verifier().verify(presignedGet("X-Amz-Signature=abc")));
    }
}
