package dev.cubby.s3.handler;

import dev.cubby.s3.ResponseHeaders;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.VersionId;
import dev.cubby.store.ObjectStore;

/**
 * DeleteObject: 204 whether or not the key existed, as in S3, naming the version deleted
 * ({@code null}) when the request named it.
 */
public final class DeleteObjectHandler {
    private final ObjectStore store;

    public DeleteObjectHandler(ObjectStore store) {
        this.store = store;
    }

    public S3Response delete(S3Request request) {
        store.delete(request.bucket(), request.key());
        return new S3Response.Empty(204, new ResponseHeaders()
                .put("x-amz-version-id", VersionId.requested(request)).build());
    }
}
