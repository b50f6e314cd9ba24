package dev.cubby.auth;

import dev.cubby.s3.error.S3ErrorCode;
import dev.cubby.s3.error.S3Exception;

/**
 * The one permission check, run once per request after the signature is verified and before
 * the handler. Today every signed caller holds the admin key and may do everything; anonymous
 * callers may do nothing.
 */
public final class AccessPolicy {

    public void check(Authentication caller, Permission needed, String bucket, String key) {
        if (caller.isAnonymous()) {
            throw S3Exception.of(S3ErrorCode.ACCESS_DENIED, "Anonymous requests are not allowed: sign the request "
                    + "with an access key (AWS Signature Version 4, or Version 2 for older clients).");
        }
    }
}
