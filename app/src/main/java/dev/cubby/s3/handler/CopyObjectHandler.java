package dev.cubby.s3.handler;

import dev.cubby.auth.Permission;
import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.ResponseHeaders;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.xml.CopyObjectResult;
import dev.cubby.s3.Owners;
import dev.cubby.store.CopyRequest;
import dev.cubby.store.CopyResult;
import dev.cubby.store.ObjectStore;
import java.util.Map;

/**
 * CopyObject (PUT with {@code x-amz-copy-source}), within and across buckets. Metadata and tags
 * come from the source (directive COPY, the default) or from this request (REPLACE). The
 * {@code x-amz-copy-source-if-*} preconditions are judged on the source version actually copied;
 * where a GET would answer 304, a copy fails with 412, as in S3.
 *
 * <p>The pipeline checks WRITE on the target; READ on the source is asked here, or a key that may
 * only write could copy out what it may not read.
 */
public final class CopyObjectHandler {
    /** S3 names the source version copied when the request named one. */
    static final String COPY_SOURCE_VERSION_HEADER = "x-amz-copy-source-version-id";

    private final ObjectStore store;
    private final Owners owners;

    public CopyObjectHandler(ObjectStore store, Owners owners) {
        this.store = store;
        this.owners = owners;
    }

    public S3Response copy(S3Request request) {
        var acl = ObjectWriteAcl.decide(request, owners);
        CopySource source = CopySource.parse(request.header("x-amz-copy-source"));
        request.access().require("s3:GetObject", Permission.READ, source.bucket(), source.key());
        boolean replaceMetadata = replaces(request, "x-amz-metadata-directive");
        boolean replaceTags = replaces(request, "x-amz-tagging-directive");
        var newTags = replaceTags ? TagSet.fromHeader(request.header("x-amz-tagging")) : null;
        var copyRequest = new CopyRequest(source.bucket(), source.key(), request.bucket(), request.key(),
                object -> Preconditions.check(request.header("x-amz-copy-source-if-match"),
                        request.header("x-amz-copy-source-if-none-match"),
                        request.header("x-amz-copy-source-if-unmodified-since"),
                        request.header("x-amz-copy-source-if-modified-since"),
                        object.etag(), object.lastModified(), false),
                replaceMetadata ? MetadataHeaders.read(request) : null,
                ChecksumAlgorithmHeader.parse(request.header("x-amz-checksum-algorithm")),
                WriteConditions.of(request));
        if (copyRequest.ontoItself() && !replaceMetadata) {
            throw S3Exception.of(S3ErrorCode.INVALID_REQUEST, "This copy request is illegal because it is trying to "
                    + "copy an object to itself without changing the object's metadata, storage class, website "
                    + "redirect location or encryption attributes.");
        }
        // Read before copying: a copy onto itself replaces the row, and the tags with it.
        Map<String, String> tags = replaceTags ? newTags.tags() : store.tags().get(source.bucket(), source.key());
        CopyResult result = store.copy(copyRequest);
        acl.record(owners, request.bucket(), request.key());
        if (!tags.isEmpty()) {
            store.tags().put(request.bucket(), request.key(), tags);
        }
        var checksum = result.checksum();
        var headers = new ResponseHeaders().put(COPY_SOURCE_VERSION_HEADER, source.versionId()).build();
        return new S3Response.Xml(200, headers, new CopyObjectResult(result.etag(), result.lastModified(),
                checksum == null ? null : checksum.algorithm(), checksum == null ? null : checksum.value()));
    }

    /** COPY (the default) or REPLACE; anything else is refused rather than guessed. */
    private static boolean replaces(S3Request request, String header) {
        String value = request.header(header);
        if (value == null || value.trim().equalsIgnoreCase("COPY")) {
            return false;
        }
        if (value.trim().equalsIgnoreCase("REPLACE")) {
            return true;
        }
        throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "Unknown " + header + " '" + value
                + "': use COPY or REPLACE.");
    }
}
