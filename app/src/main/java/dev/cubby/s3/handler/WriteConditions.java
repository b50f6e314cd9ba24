package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.ResponseHeaders;
import dev.cubby.s3.S3Request;
import dev.cubby.store.WriteCondition;

/** Reads S3's conditional-write headers of PutObject and CompleteMultipartUpload. */
final class WriteConditions {
    private WriteConditions() {
    }

    static WriteCondition of(S3Request request) {
        String ifNoneMatch = request.header("if-none-match");
        String ifMatch = request.header("if-match");
        if (ifNoneMatch != null && !ifNoneMatch.trim().equals("*")) {
            throw S3Exception.of(S3ErrorCode.NOT_IMPLEMENTED, "For writes, If-None-Match supports only '*'.");
        }
        String etag = ifMatch == null ? null : ResponseHeaders.unquoted(ifMatch.trim());
        return new WriteCondition(ifNoneMatch != null, etag);
    }
}
