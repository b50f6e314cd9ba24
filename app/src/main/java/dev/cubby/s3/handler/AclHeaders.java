package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.xml.Owner;
import java.util.List;
import java.util.Set;

/**
 * The one rule for ACLs a request asks for in its headers ({@code x-amz-acl}, {@code x-amz-grant-*}),
 * on PutObjectAcl and PutBucketAcl as on PutObject, CreateMultipartUpload and CopyObject. Cubby
 * keeps no ACLs: every object is private to the owner, access is given by keys, and anonymous
 * reading by the server's public-read setting. An ACL that says just that is accepted (clients send
 * {@code private} or {@code bucket-owner-full-control} by default); any other is refused with
 * NotImplemented, never answered 200 and left unapplied.
 */
final class AclHeaders {
    /** Canned ACLs that mean "only the owner" for an object: {@code bucket-owner-full-control} is that here, with one owner. */
    static final Set<String> OBJECT_OWNER_ONLY = Set.of("private", "bucket-owner-full-control");
    static final Set<String> BUCKET_OWNER_ONLY = Set.of("private");
    private static final List<String> GRANT_HEADERS = List.of("x-amz-grant-read", "x-amz-grant-write",
            "x-amz-grant-read-acp", "x-amz-grant-write-acp");

    private AclHeaders() {
    }

    /**
     * @param ownerOnly the canned ACLs that grant nothing beyond the owner's full control
     * @throws S3Exception NotImplemented naming the header when it asks for more
     */
    static void requireOwnerOnly(S3Request request, Set<String> ownerOnly, Owner owner) {
        String canned = request.header("x-amz-acl");
        if (canned != null && !ownerOnly.contains(canned.trim())) {
            throw refused("the canned ACL '" + canned.trim() + "' (x-amz-acl)");
        }
        for (String header : GRANT_HEADERS) {
            if (request.header(header) != null) {
                throw refused(header);
            }
        }
        String fullControl = request.header("x-amz-grant-full-control");
        if (fullControl != null && !fullControl.replace("\"", "").trim().equals("id=" + owner.id())) {
            throw refused("x-amz-grant-full-control for anyone but the owner");
        }
    }

    static S3Exception refused(String what) {
        return S3Exception.of(S3ErrorCode.NOT_IMPLEMENTED, "Cubby keeps no ACLs, so it cannot apply " + what
                + ": every bucket and object is private to its owner, and access is controlled by access keys. "
                + "To let anyone read a bucket, list it in the server's public-read setting. Send no ACL, the "
                + "canned ACL 'private' (or 'bucket-owner-full-control' for an object), or a policy granting only "
                + "the owner FULL_CONTROL.");
    }
}
