package dev.cubby.s3.handler;

import dev.cubby.s3.S3Request;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.xml.Tagging;
import dev.cubby.store.ObjectStore;
import java.util.Map;

/**
 * GetObjectTagging, PutObjectTagging and DeleteObjectTagging. Tags live in the sidecar and go
 * with the object when it is overwritten or deleted; a missing object is NoSuchKey.
 */
public final class TaggingHandlers {
    private final ObjectStore store;

    public TaggingHandlers(ObjectStore store) {
        this.store = store;
    }

    public S3Response get(S3Request request) {
        return new S3Response.Xml(200, Map.of(), new Tagging(store.tags().get(request.bucket(), request.key())));
    }

    public S3Response put(S3Request request) {
        TagSet tags = TagSet.fromXml(SmallRequestBody.read(request, TagSet.maxBodyBytes()));
        store.tags().put(request.bucket(), request.key(), tags.tags());
        return new S3Response.Empty(200, Map.of());
    }

    public S3Response delete(S3Request request) {
        store.tags().delete(request.bucket(), request.key());
        return new S3Response.Empty(204, Map.of());
    }
}
