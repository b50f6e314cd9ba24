package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Cubby keeps objects as plain files, so a write that asks for server-side encryption is refused
 * (never stored in the clear and answered 200), and nothing lands in the tree.
 */
class EncryptionRefusedTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    private static final String CUSTOMER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void everyKindOfEncryptedWriteIsRefusedAndStoresNothing() throws Exception {
        var s3 = server.client();
        String bucket = server.newBucket("sse");
        assertS3Error(501, "NotImplemented", () -> s3.putObject(b -> b.bucket(bucket).key("s3.txt")
                .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromString("secret")));
        assertS3Error(501, "NotImplemented", () -> s3.putObject(b -> b.bucket(bucket).key("kms.txt")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId("any"), RequestBody.fromString("x")));
        assertS3Error(501, "NotImplemented", () -> s3.createMultipartUpload(b -> b.bucket(bucket).key("c.bin")
                .sseCustomerAlgorithm("AES256").sseCustomerKey(CUSTOMER_KEY)
                .sseCustomerKeyMD5(Digests.md5Base64(new byte[32]))));
        assertFalse(Files.exists(server.file(bucket, "s3.txt")));
        assertFalse(Files.exists(server.file(bucket, "kms.txt")));
        assertTrue(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().isEmpty());
    }

    @Test
    void malformedOrConflictingEncryptionHeadersGetS3sBadRequestAndStoreNothing() throws Exception {
        var s3 = server.client();
        String bucket = server.newBucket("ssebad");
        String md5 = Digests.md5Base64(new byte[32]);
        String[][] broken = {
            {"x-amz-server-side-encryption", "aes:kms"},
            {"x-amz-server-side-encryption", "AES256", "x-amz-server-side-encryption-aws-kms-key-id", "k"},
            {"x-amz-server-side-encryption", "AES256", "x-amz-server-side-encryption-customer-algorithm", "AES256",
                "x-amz-server-side-encryption-customer-key", CUSTOMER_KEY,
                "x-amz-server-side-encryption-customer-key-md5", md5},
            {"x-amz-server-side-encryption-customer-key", CUSTOMER_KEY,
                "x-amz-server-side-encryption-customer-key-md5", md5},
            {"x-amz-server-side-encryption-customer-algorithm", "AES256"},
            {"x-amz-server-side-encryption-customer-algorithm", "AES256",
                "x-amz-server-side-encryption-customer-key", CUSTOMER_KEY},
            {"x-amz-server-side-encryption-customer-algorithm", "AES256",
                "x-amz-server-side-encryption-customer-key", CUSTOMER_KEY,
                "x-amz-server-side-encryption-customer-key-md5", "AAAAAAAAAAAAAAAAAAAAAA=="},
        };
        for (String[] headers : broken) {
            assertS3Error(400, "InvalidArgument", () -> s3.putObject(b -> b.bucket(bucket).key("bad.txt")
                    .overrideConfiguration(o -> {
                        for (int i = 0; i < headers.length; i += 2) {
                            o.putHeader(headers[i], headers[i + 1]);
                        }
                    }), RequestBody.fromString("x")));
        }
        assertS3Error(400, "InvalidEncryptionAlgorithmError", () -> s3.putObject(b -> b.bucket(bucket).key("bad.txt")
                .overrideConfiguration(o -> o.putHeader("x-amz-server-side-encryption-customer-algorithm", "AES1")
                        .putHeader("x-amz-server-side-encryption-customer-key", CUSTOMER_KEY)
                        .putHeader("x-amz-server-side-encryption-customer-key-md5", md5)),
                RequestBody.fromString("x")));
        assertFalse(Files.exists(server.file(bucket, "bad.txt")));
    }

    @Test
    void aReadNamingACustomerKeyIsInvalidAndAPlainReadWorks() throws Exception {
        var s3 = server.client();
        String bucket = server.newBucket("ssec");
        s3.putObject(b -> b.bucket(bucket).key("plain.txt"), RequestBody.fromString("plain"));
        assertS3Error(400, "InvalidRequest", () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("plain.txt")
                .sseCustomerAlgorithm("AES256").sseCustomerKey(CUSTOMER_KEY)
                .sseCustomerKeyMD5(Digests.md5Base64(new byte[32]))));
        assertEquals("plain", s3.getObjectAsBytes(b -> b.bucket(bucket).key("plain.txt")).asUtf8String());
    }
}
