package dev.cubby.s3;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.util.List;
import java.util.function.Function;

/**
 * The one rule for server-side encryption headers. Cubby keeps every object as the plain file
 * Samba, NFS and the shell read, so it can store nothing encrypted (SSE-S3, SSE-KMS or SSE-C):
 * a request that asks for it is refused, never answered 200 and stored in the clear.
 */
public final class EncryptionHeaders {
    private static final List<String> WRITE_HEADERS = List.of("x-amz-server-side-encryption",
            "x-amz-server-side-encryption-aws-kms-key-id", "x-amz-server-side-encryption-context",
            "x-amz-server-side-encryption-bucket-key-enabled", "x-amz-server-side-encryption-customer-algorithm",
            "x-amz-server-side-encryption-customer-key", "x-amz-server-side-encryption-customer-key-md5");
    private static final List<String> CUSTOMER_KEY_HEADERS = List.of(
            "x-amz-server-side-encryption-customer-algorithm", "x-amz-server-side-encryption-customer-key",
            "x-amz-server-side-encryption-customer-key-md5", "x-amz-copy-source-server-side-encryption-customer-algorithm",
            "x-amz-copy-source-server-side-encryption-customer-key",
            "x-amz-copy-source-server-side-encryption-customer-key-md5");

    private EncryptionHeaders() {
    }

    /**
     * @param header a request header by lower-case name, or null when absent
     * @throws S3Exception NotImplemented for a write that asks for encryption, InvalidRequest for a
     *                     read that names a customer key (no object here was stored with one)
     */
    public static void refuse(Operation operation, Function<String, String> header) {
        boolean writes = switch (operation) {
            case PUT_OBJECT, COPY_OBJECT, CREATE_MULTIPART_UPLOAD, UPLOAD_PART, UPLOAD_PART_COPY -> true;
            default -> false;
        };
        for (String name : writes ? WRITE_HEADERS : CUSTOMER_KEY_HEADERS) {
            if (header.apply(name) != null) {
                throw writes ? S3Exception.of(S3ErrorCode.NOT_IMPLEMENTED, "Cubby stores objects as plain files "
                        + "that Samba, NFS and the shell read, so it cannot store them encrypted (" + name
                        + "): send the request without x-amz-server-side-encryption headers, and encrypt the disk "
                        + "or in the client (rclone crypt, restic) instead.")
                        : S3Exception.of(S3ErrorCode.INVALID_REQUEST, "The object was not stored with a "
                        + "customer-provided key (no object on Cubby is): send the request without " + name + ".");
            }
        }
        if (writes && header.apply("x-amz-copy-source-server-side-encryption-customer-algorithm") != null) {
            throw S3Exception.of(S3ErrorCode.INVALID_REQUEST, "The copy source was not stored with a "
                    + "customer-provided key (no object on Cubby is): send the copy without "
                    + "x-amz-copy-source-server-side-encryption-customer-* headers.");
        }
    }
}
