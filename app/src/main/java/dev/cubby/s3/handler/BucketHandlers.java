package dev.cubby.s3.handler;

import dev.cubby.auth.Acl;
import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.Owners;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.ResponseHeaders;
import dev.cubby.s3.xml.ListAllMyBucketsResult;
import dev.cubby.s3.xml.LocationConstraint;
import dev.cubby.s3.xml.SafeXmlReader;
import dev.cubby.s3.xml.VersioningConfiguration;
import dev.cubby.store.ObjectStore;
import java.util.Map;

/** ListBuckets, CreateBucket, DeleteBucket, HeadBucket, GetBucketLocation, GetBucketVersioning. */
public final class BucketHandlers {
    private static final long MAX_CONFIGURATION_BYTES = 64 * 1024;

    private final ObjectStore store;
    private final String region;
    private final Owners owners;

    public BucketHandlers(ObjectStore store, String region, Owners owners) {
        this.store = store;
        this.region = region;
        this.owners = owners;
    }

    /**
     * ListBuckets, in name order: those whose name starts with {@code prefix}, at most
     * {@code max-buckets} (1 to 10,000; all when absent) after the {@code continuation-token} of
     * the page before, which names the last bucket it held (base64url, opaque to clients).
     */
    public S3Response listBuckets(S3Request request) {
        String prefix = request.param("prefix") == null ? "" : request.param("prefix");
        String after = request.param("continuation-token") == null ? null
                : BucketPage.afterToken(request.param("continuation-token"));
        int max = BucketPage.maxBuckets(request.param("max-buckets"));
        var seen = store.listBuckets().stream()
                .filter(b -> b.name().startsWith(prefix) && (after == null || b.name().compareTo(after) > 0))
                .filter(b -> request.access().seesBucket(b.name()))
                .sorted(java.util.Comparator.comparing(dev.cubby.store.Bucket::name))
                .limit(max + 1L)
                .map(b -> new ListAllMyBucketsResult.Entry(b.name(), b.created()))
                .toList();
        var entries = seen.size() > max ? seen.subList(0, max) : seen;
        String next = seen.size() > max ? BucketPage.tokenAfter(entries.getLast().name()) : null;
        return new S3Response.Xml(200, Map.of(), new ListAllMyBucketsResult(
                owners.owner(request.access().canonicalId()), entries, next,
                request.param("prefix")));
    }

    public S3Response createBucket(S3Request request) {
        // Any LocationConstraint is accepted: a NAS has one region. The body is still parsed so
        // that malformed XML is reported rather than ignored.
        if (hasBody(request)) {
            SafeXmlReader.parse(request.body(), MAX_CONFIGURATION_BYTES);
        }
        String me = request.access().canonicalId();
        String ownership = request.header("x-amz-object-ownership") == null ? null
                : OwnershipControlsHandlers.validated(request.header("x-amz-object-ownership").trim());
        Acl asked = AclHeaders.requested(request, me, me, owners);
        Acl acl = asked == null ? Acl.ownerFullControl(me) : asked;
        String existingOwner = owners.bucketOwner(request.bucket());
        if (existingOwner != null) {
            throw exists(request.bucket(), existingOwner, me, acl);
        }
        if (ObjectWriteAcl.BUCKET_OWNER_ENFORCED.equals(ownership) && acl.grantsBeyond(me)) {
            throw S3Exception.of(S3ErrorCode.INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP, "BucketOwnerEnforced turns "
                    + "ACLs off: create the bucket without an ACL (or with 'private').");
        }
        store.createBucket(request.bucket());
        owners.recordBucket(request.bucket(), me, acl, ownership);
        return new S3Response.Empty(200, new ResponseHeaders().put("Location", "/" + request.bucket()).build());
    }

    /**
     * A bucket's name is taken once: its owner hears BucketAlreadyOwnedByYou, anyone else
     * BucketAlreadyExists. An owner asking again with a different ACL also hears
     * BucketAlreadyExists, as S3 answers: the ACL is not changed by a second create.
     */
    private S3Exception exists(String bucket, String owner, String me, Acl asked) {
        if (owner.equals(me) && asked.equals(owners.bucketAcl(bucket, owner))) {
            return S3Exception.of(S3ErrorCode.BUCKET_ALREADY_OWNED_BY_YOU, "The bucket '" + bucket
                    + "' exists and is yours.");
        }
        return S3Exception.of(S3ErrorCode.BUCKET_ALREADY_EXISTS, "The bucket '" + bucket + "' exists"
                + (owner.equals(me) ? " with another ACL: change it with PutBucketAcl." : " and belongs to another key: "
                + "choose another name."));
    }

    public S3Response deleteBucket(S3Request request) {
        store.deleteBucket(request.bucket());
        return new S3Response.Empty(204, Map.of());
    }

    public S3Response headBucket(S3Request request) {
        store.bucket(request.bucket());
        return new S3Response.Empty(200, new ResponseHeaders().put("x-amz-bucket-region", region).build());
    }

    public S3Response getBucketLocation(S3Request request) {
        store.bucket(request.bucket());
        return new S3Response.Xml(200, Map.of(), new LocationConstraint(region));
    }

    public S3Response getBucketVersioning(S3Request request) {
        store.bucket(request.bucket());
        return new S3Response.Xml(200, Map.of(), new VersioningConfiguration());
    }

    private static boolean hasBody(S3Request request) {
        String length = request.header("content-length");
        String decoded = request.header("x-amz-decoded-content-length");
        return (length != null && !length.equals("0") && (decoded == null || !decoded.equals("0")))
                || request.header("transfer-encoding") != null;
    }
}
