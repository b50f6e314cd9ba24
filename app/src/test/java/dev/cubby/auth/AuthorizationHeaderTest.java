package dev.cubby.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The separators and orderings clients actually send all parse to the same thing. */
class AuthorizationHeaderTest {
    private static final String SIGNATURE = "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";
    private static final String NOT_HEX = "g0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";

    @ParameterizedTest
    @ValueSource(strings = {
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;range;x-amz-date, Signature=" + SIGNATURE,
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                + "SignedHeaders=host;range;x-amz-date,Signature=" + SIGNATURE,
        "AWS4-HMAC-SHA256 Signature=" + SIGNATURE + ", SignedHeaders=host;range;x-amz-date, "
                + "Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request",
        "  AWS4-HMAC-SHA256   Credential = AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request ,\t"
                + "SignedHeaders=Host;Range;X-Amz-Date Signature=" + SIGNATURE + "  ",
    })
    void variants(String value) {
        AuthorizationHeader header = AuthorizationHeader.parse(value);
        assertEquals("AKIAIOSFODNN7EXAMPLE", header.credential().accessKeyId());
        assertEquals(new CredentialScope("20130524", "us-east-1"), header.credential().scope());
        assertEquals(List.of("host", "range", "x-amz-date"), header.signedHeaders().names());
        assertEquals(SIGNATURE, header.signature());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host",
        "AWS4-HMAC-SHA256 Credential AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host, Signature=" + SIGNATURE,
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host, Signature=" + SIGNATURE + ", Extra=1",
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host, Signature=" + SIGNATURE + ", signature=" + SIGNATURE,
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host, Signature=" + NOT_HEX,
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host, =" + SIGNATURE,
        "AWS4-HMAC-SHA256 Credential=, SignedHeaders=host, Signature=" + SIGNATURE,
    })
    void malformedHeadersAreRefused(String value) {
        S3Exception refused = assertThrows(S3Exception.class, () -> AuthorizationHeader.parse(value));
        assertEquals(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED, refused.code(), refused.getMessage());
    }
}
