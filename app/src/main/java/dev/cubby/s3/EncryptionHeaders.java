package dev.cubby.s3;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The one rule for server-side encryption headers. Cubby keeps every object as the plain file
 * Samba, NFS and the shell read, so it can store nothing encrypted (SSE-S3, SSE-KMS or SSE-C):
 * a request that asks for it is refused, never answered 200 and stored in the clear. Headers that
 * are malformed or contradict each other get S3's own 400 first, as S3 checks them before it
 * encrypts anything, so a client sees the same answer it would get from S3 for a broken request.
 */
public final class EncryptionHeaders {
    private static final String SSE = "x-amz-server-side-encryption";
    private static final String KMS_KEY_ID = "x-amz-server-side-encryption-aws-kms-key-id";
    private static final String KMS_CONTEXT = "x-amz-server-side-encryption-context";
    private static final String CUSTOMER_ALGORITHM = "x-amz-server-side-encryption-customer-algorithm";
    private static final String CUSTOMER_KEY = "x-amz-server-side-encryption-customer-key";
    private static final String CUSTOMER_KEY_MD5 = "x-amz-server-side-encryption-customer-key-md5";
    private static final Set<String> SSE_METHODS = Set.of("AES256", "aws:kms", "aws:kms:dsse");
    private static final List<String> WRITE_HEADERS = List.of(SSE, KMS_KEY_ID, KMS_CONTEXT,
            "x-amz-server-side-encryption-bucket-key-enabled", CUSTOMER_ALGORITHM, CUSTOMER_KEY, CUSTOMER_KEY_MD5);
    private static final List<String> CUSTOMER_KEY_HEADERS = List.of(CUSTOMER_ALGORITHM, CUSTOMER_KEY,
            CUSTOMER_KEY_MD5, "x-amz-copy-source-server-side-encryption-customer-algorithm",
            "x-amz-copy-source-server-side-encryption-customer-key",
            "x-amz-copy-source-server-side-encryption-customer-key-md5");
    private static final int AES256_KEY_BYTES = 32;

    private EncryptionHeaders() {
    }

    /**
     * @param header a request header by lower-case name, or null when absent
     * @throws S3Exception InvalidArgument or InvalidEncryptionAlgorithmError for encryption headers
     *                     S3 itself would refuse, NotImplemented for a well-formed write that asks
     *                     for encryption, InvalidRequest for a read that names a customer key (no
     *                     object here was stored with one)
     */
    public static void refuse(Operation operation, Function<String, String> header) {
        boolean writes = switch (operation) {
            case PUT_OBJECT, COPY_OBJECT, CREATE_MULTIPART_UPLOAD, UPLOAD_PART, UPLOAD_PART_COPY -> true;
            default -> false;
        };
        if (writes) {
            checkWellFormed(header);
        }
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

    /** S3's checks of a write's encryption headers, in the order S3 applies them. */
    private static void checkWellFormed(Function<String, String> header) {
        String method = header.apply(SSE);
        boolean customerKey = header.apply(CUSTOMER_ALGORITHM) != null || header.apply(CUSTOMER_KEY) != null
                || header.apply(CUSTOMER_KEY_MD5) != null;
        if (method != null && !SSE_METHODS.contains(method)) {
            throw invalid("The encryption method specified is not supported: send "
                    + SSE + " as AES256, aws:kms or aws:kms:dsse.");
        }
        if (method != null && customerKey) {
            throw invalid("Server Side Encryption with Customer provided key is incompatible with "
                    + "the encryption method specified: send either " + SSE + " or the " + SSE + "-customer-* "
                    + "headers, not both.");
        }
        boolean kms = method != null && method.startsWith("aws:kms");
        if (!kms && (header.apply(KMS_KEY_ID) != null || header.apply(KMS_CONTEXT) != null)) {
            throw invalid("Server Side Encryption with AWS KMS managed key requires "
                    + "HTTP header " + SSE + " : aws:kms.");
        }
        if (customerKey) {
            checkCustomerKey(header);
        }
    }

    private static void checkCustomerKey(Function<String, String> header) {
        String algorithm = header.apply(CUSTOMER_ALGORITHM);
        if (algorithm == null) {
            throw invalid("Requests specifying Server Side Encryption with Customer "
                    + "provided keys must provide a valid encryption algorithm: send " + CUSTOMER_ALGORITHM
                    + ": AES256.");
        }
        if (!algorithm.equals("AES256")) {
            throw S3Exception.of(S3ErrorCode.INVALID_ENCRYPTION_ALGORITHM, "The encryption request you specified "
                    + "is not valid: " + CUSTOMER_ALGORITHM + " must be AES256, not \"" + algorithm + "\".");
        }
        String key = header.apply(CUSTOMER_KEY);
        if (key == null) {
            throw invalid("Requests specifying Server Side Encryption with Customer provided "
                    + "keys must provide an appropriate secret key: send " + CUSTOMER_KEY + " (base64).");
        }
        byte[] keyBytes = base64(key);
        if (keyBytes == null || keyBytes.length != AES256_KEY_BYTES) {
            throw invalid("The secret key was invalid for the specified algorithm: send a "
                    + "256-bit key, base64-encoded, in " + CUSTOMER_KEY + ".");
        }
        String md5 = header.apply(CUSTOMER_KEY_MD5);
        if (md5 == null) {
            throw invalid("Requests specifying Server Side Encryption with Customer "
                    + "provided keys must provide the client calculated MD5 of the secret key: send "
                    + CUSTOMER_KEY_MD5 + " (base64).");
        }
        if (!Base64.getEncoder().encodeToString(md5(keyBytes)).equals(md5)) {
            throw invalid("The calculated MD5 hash of the key did not match the hash "
                    + "that was provided in " + CUSTOMER_KEY_MD5 + ".");
        }
    }

    private static S3Exception invalid(String message) {
        return S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, message);
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
