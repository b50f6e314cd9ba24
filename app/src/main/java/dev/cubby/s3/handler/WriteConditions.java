package dev.cubby.s3.handler;

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
        boolean onlyIfAbsent = ifNoneMatch != null && ifNoneMatch.trim().equals("*");
        String unless = ifNoneMatch == null || onlyIfAbsent ? null : ResponseHeaders.unquoted(ifNoneMatch.trim());
        String etag = ifMatch == null ? null : ResponseHeaders.unquoted(ifMatch.trim());
        return new WriteCondition(onlyIfAbsent, etag, unless);
    }
}
