package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.meta.BucketSettings;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.xml.Tagging;
import dev.cubby.store.ObjectStore;
import java.util.Map;

/**
 * GetBucketTagging, PutBucketTagging and DeleteBucketTagging: the bucket's tags, one setting in
 * the sidecar ({@link BucketSettings#TAGGING}), forgotten with the bucket. Validated as object tags
 * are, but up to 50; a bucket without tags is NoSuchTagSet (404), as in S3.
 */
public final class BucketTaggingHandlers {
    private final ObjectStore store;

    public BucketTaggingHandlers(ObjectStore store) {
        this.store = store;
    }

    public S3Response get(S3Request request) {
        store.bucket(request.bucket());
        TagSet tags = store.bucketSettings().find(request.bucket(), BucketSettings.TAGGING)
                .map(TagSet::fromStored).orElseThrow(() -> S3Exception.of(S3ErrorCode.NO_SUCH_TAG_SET,
                        "The bucket '" + request.bucket() + "' has no tags."));
        return new S3Response.Xml(200, Map.of(), new Tagging(tags.tags()));
    }

    /** Replaces the bucket's tags; an empty TagSet removes them, as DeleteBucketTagging does. */
    public S3Response put(S3Request request) {
        store.bucket(request.bucket());
        TagSet tags = TagSet.bucketTagsFromXml(SmallRequestBody.read(request, TagSet.maxBodyBytes()));
        if (tags.tags().isEmpty()) {
            store.bucketSettings().delete(request.bucket(), BucketSettings.TAGGING);
        } else {
            store.bucketSettings().put(request.bucket(), BucketSettings.TAGGING, tags.toStored());
        }
        return new S3Response.Empty(204, Map.of());
    }

    public S3Response delete(S3Request request) {
        store.bucket(request.bucket());
        store.bucketSettings().delete(request.bucket(), BucketSettings.TAGGING);
        return new S3Response.Empty(204, Map.of());
    }
}
