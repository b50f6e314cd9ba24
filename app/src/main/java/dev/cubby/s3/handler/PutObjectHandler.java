package dev.cubby.s3.handler;

import dev.cubby.checksum.ChecksumType;
import dev.cubby.s3.ResponseHeaders;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.Owners;
import dev.cubby.store.ObjectStore;
import dev.cubby.store.PutRequest;
import dev.cubby.store.PutResult;

/** PutObject: streams the verified body to disk; nothing is visible unless every check passed. */
public final class PutObjectHandler {
    private final ObjectStore store;
    private final Owners owners;

    public PutObjectHandler(ObjectStore store, Owners owners) {
        this.store = store;
        this.owners = owners;
    }

    public S3Response put(S3Request request) {
        var acl = ObjectWriteAcl.decide(request, owners);
        var checksums = ChecksumExpectation.of(request);
        var metadata = MetadataHeaders.read(request);
        var tags = TagSet.fromHeader(request.header("x-amz-tagging"));
        PutResult result = store.put(new PutRequest(request.bucket(), request.key(), request.body(), metadata,
                checksums.toCompute(), checksums.kept(),
                digests -> checksums.verify(digests, request.trailers().get()), WriteConditions.of(request),
                DeclaredLength.of(request)));
        acl.record(owners, request.bucket(), request.key());
        // The new object has no tags until these are set: the sidecar dropped the old object's.
        if (!tags.tags().isEmpty()) {
            store.tags().put(request.bucket(), request.key(), tags.tags());
        }
        var headers = new ResponseHeaders().put("ETag", ResponseHeaders.quoted(result.etag()));
        if (checksums.algorithm() != null) {
            headers.put(checksums.algorithm().headerName(), result.digests().checksums().get(checksums.algorithm()));
            headers.put("x-amz-checksum-type", ChecksumType.FULL_OBJECT.name());
        }
        return new S3Response.Empty(200, headers.build());
    }
}
