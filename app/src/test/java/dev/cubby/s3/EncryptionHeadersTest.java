package dev.cubby.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Broken encryption headers get S3's 400; well-formed ones the clear 501; reads keep their rule. */
class EncryptionHeadersTest {
    private static final String KEY = "pO3upElrwuEXSoFwCfnZPdSsmt/xWeFa0N9KgDijwVs=";
    private static final String KEY_MD5 = "DWygnHRtgiJ77HCm+1rvHw==";

    private static S3Exception refusal(Operation operation, String... namesAndValues) {
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return assertThrows(S3Exception.class, () -> EncryptionHeaders.refuse(operation, headers::get));
    }

    private static S3Exception putRefusal(String... namesAndValues) {
        return refusal(Operation.PUT_OBJECT, namesAndValues);
    }

    private static Map<String, String> customerKey() {
        return Map.of("x-amz-server-side-encryption-customer-algorithm", "AES256",
                "x-amz-server-side-encryption-customer-key", KEY,
                "x-amz-server-side-encryption-customer-key-md5", KEY_MD5);
    }

    @Test
    void wellFormedEncryptionRequestsAreNotImplemented() {
        assertEquals(S3ErrorCode.NOT_IMPLEMENTED, putRefusal("x-amz-server-side-encryption", "AES256").code());
        assertEquals(S3ErrorCode.NOT_IMPLEMENTED, putRefusal("x-amz-server-side-encryption", "aws:kms").code());
        assertEquals(S3ErrorCode.NOT_IMPLEMENTED, putRefusal("x-amz-server-side-encryption", "aws:kms",
                "x-amz-server-side-encryption-aws-kms-key-id", "my-key").code());
        assertEquals(S3ErrorCode.NOT_IMPLEMENTED, assertThrows(S3Exception.class,
                () -> EncryptionHeaders.refuse(Operation.UPLOAD_PART, customerKey()::get)).code());
    }

    @Test
    void anUnknownEncryptionMethodIsAnInvalidArgument() {
        var error = putRefusal("x-amz-server-side-encryption", "aes:kms");
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, error.code());
        assertTrue(error.getMessage().contains("AES256, aws:kms"), error.getMessage());
    }

    @Test
    void aCustomerKeyBesideAnotherMethodIsAnInvalidArgument() {
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, putRefusal("x-amz-server-side-encryption", "AES256",
                "x-amz-server-side-encryption-customer-algorithm", "AES256",
                "x-amz-server-side-encryption-customer-key", KEY,
                "x-amz-server-side-encryption-customer-key-md5", KEY_MD5).code());
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, putRefusal("x-amz-server-side-encryption", "aws:kms",
                "x-amz-server-side-encryption-aws-kms-key-id", "k",
                "x-amz-server-side-encryption-customer-algorithm", "AES256").code());
    }

    @Test
    void aKmsKeyWithoutKmsIsAnInvalidArgument() {
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, putRefusal("x-amz-server-side-encryption", "AES256",
                "x-amz-server-side-encryption-aws-kms-key-id", "k").code());
        assertEquals(S3ErrorCode.INVALID_ARGUMENT,
                putRefusal("x-amz-server-side-encryption-aws-kms-key-id", "k").code());
    }

    @Test
    void anIncompleteOrWrongCustomerKeyIsAnInvalidArgument() {
        var noAlgorithm = putRefusal("x-amz-server-side-encryption-customer-key", KEY,
                "x-amz-server-side-encryption-customer-key-md5", KEY_MD5);
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, noAlgorithm.code());
        assertTrue(noAlgorithm.getMessage().contains("encryption algorithm"), noAlgorithm.getMessage());
        var noKey = putRefusal("x-amz-server-side-encryption-customer-algorithm", "AES256");
        assertTrue(noKey.getMessage().contains("secret key"), noKey.getMessage());
        var shortKey = putRefusal("x-amz-server-side-encryption-customer-algorithm", "AES256",
                "x-amz-server-side-encryption-customer-key", "c2hvcnQ=",
                "x-amz-server-side-encryption-customer-key-md5", KEY_MD5);
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, shortKey.code());
        var noMd5 = putRefusal("x-amz-server-side-encryption-customer-algorithm", "AES256",
                "x-amz-server-side-encryption-customer-key", KEY);
        assertTrue(noMd5.getMessage().contains("MD5"), noMd5.getMessage());
        var wrongMd5 = putRefusal("x-amz-server-side-encryption-customer-algorithm", "AES256",
                "x-amz-server-side-encryption-customer-key", KEY,
                "x-amz-server-side-encryption-customer-key-md5", "AAAAAAAAAAAAAAAAAAAAAA==");
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, wrongMd5.code());
        assertTrue(wrongMd5.getMessage().contains("did not match"), wrongMd5.getMessage());
        assertFalse(wrongMd5.getMessage().contains(KEY), "the secret key is never echoed");
    }

    @Test
    void aCustomerAlgorithmOtherThanAes256IsAnInvalidEncryptionAlgorithm() {
        var error = putRefusal("x-amz-server-side-encryption-customer-algorithm", "AES128",
                "x-amz-server-side-encryption-customer-key", KEY,
                "x-amz-server-side-encryption-customer-key-md5", KEY_MD5);
        assertEquals(S3ErrorCode.INVALID_ENCRYPTION_ALGORITHM, error.code());
        assertEquals(400, error.code().httpStatus());
    }

    @Test
    void readsNamingACustomerKeyAreInvalidRequests() {
        assertEquals(S3ErrorCode.INVALID_REQUEST, refusal(Operation.GET_OBJECT,
                "x-amz-server-side-encryption-customer-algorithm", "AES256").code());
    }

    @Test
    void requestsWithoutEncryptionHeadersPass() {
        EncryptionHeaders.refuse(Operation.PUT_OBJECT, name -> null);
        EncryptionHeaders.refuse(Operation.GET_OBJECT, name -> null);
    }
}
