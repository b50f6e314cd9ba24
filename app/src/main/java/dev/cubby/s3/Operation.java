package dev.cubby.s3;

import dev.cubby.auth.Permission;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The S3 operations Cubby serves: one row each, naming the HTTP method, what the request
 * addresses, the query parameter that selects it (null for the plain form) and the permission
 * it needs. {@link OperationTable} picks the row; the permission is checked once, before the
 * handler runs, on the request's bucket and key. Operations that reach further (a copy's source,
 * the keys in a DeleteObjects body, what a listing shows) ask the caller's
 * {@link dev.cubby.auth.Access} in their handler.
 */
public enum Operation {
    LIST_BUCKETS("GET", Target.SERVICE, null, Permission.LIST_BUCKETS),

    CREATE_BUCKET("PUT", Target.BUCKET, null, Permission.OWNER),
    DELETE_BUCKET("DELETE", Target.BUCKET, null, Permission.OWNER),
    HEAD_BUCKET("HEAD", Target.BUCKET, null, Permission.PUBLIC_READ),
    GET_BUCKET_LOCATION("GET", Target.BUCKET, "location", Permission.READ),
    GET_BUCKET_VERSIONING("GET", Target.BUCKET, "versioning", Permission.READ),
    LIST_OBJECTS_V2("GET", Target.BUCKET, "list-type", Permission.PUBLIC_READ),
    LIST_OBJECTS("GET", Target.BUCKET, null, Permission.PUBLIC_READ),
    LIST_OBJECT_VERSIONS("GET", Target.BUCKET, "versions", Permission.READ),

    PUT_OBJECT("PUT", Target.OBJECT, null, Permission.WRITE),
    GET_OBJECT("GET", Target.OBJECT, null, Permission.PUBLIC_READ),
    HEAD_OBJECT("HEAD", Target.OBJECT, null, Permission.PUBLIC_READ),
    DELETE_OBJECT("DELETE", Target.OBJECT, null, Permission.WRITE),
    GET_OBJECT_ATTRIBUTES("GET", Target.OBJECT, "attributes", Permission.READ),
    // WRITE on the target here; READ on the source is asked of the caller's Access by the handler.
    COPY_OBJECT("PUT", Target.OBJECT, null, Permission.WRITE, "x-amz-copy-source"),
    DELETE_OBJECTS("POST", Target.BUCKET, "delete", Permission.WRITE),
    GET_BUCKET_ACL("GET", Target.BUCKET, "acl", Permission.READ),
    PUT_BUCKET_ACL("PUT", Target.BUCKET, "acl", Permission.WRITE),
    GET_OBJECT_ACL("GET", Target.OBJECT, "acl", Permission.READ),
    PUT_OBJECT_ACL("PUT", Target.OBJECT, "acl", Permission.WRITE),
    GET_OBJECT_TAGGING("GET", Target.OBJECT, "tagging", Permission.READ),
    PUT_OBJECT_TAGGING("PUT", Target.OBJECT, "tagging", Permission.WRITE),
    DELETE_OBJECT_TAGGING("DELETE", Target.OBJECT, "tagging", Permission.WRITE),

    CREATE_MULTIPART_UPLOAD("POST", Target.OBJECT, "uploads", Permission.WRITE),
    UPLOAD_PART("PUT", Target.OBJECT, "uploadId", Permission.WRITE),
    // As CopyObject: READ on the copy source is asked by the handler.
    UPLOAD_PART_COPY("PUT", Target.OBJECT, "uploadId", Permission.WRITE, "x-amz-copy-source"),
    COMPLETE_MULTIPART_UPLOAD("POST", Target.OBJECT, "uploadId", Permission.WRITE),
    ABORT_MULTIPART_UPLOAD("DELETE", Target.OBJECT, "uploadId", Permission.WRITE),
    LIST_PARTS("GET", Target.OBJECT, "uploadId", Permission.READ),
    LIST_MULTIPART_UPLOADS("GET", Target.BUCKET, "uploads", Permission.READ),

    // CORS. Preflights are never signed (browsers send them bare): the pipeline answers them
    // without the signature and permission steps, from the bucket's CORS rules alone.
    GET_BUCKET_CORS("GET", Target.BUCKET, "cors", Permission.READ),
    PUT_BUCKET_CORS("PUT", Target.BUCKET, "cors", Permission.WRITE),
    DELETE_BUCKET_CORS("DELETE", Target.BUCKET, "cors", Permission.WRITE),
    PREFLIGHT_BUCKET("OPTIONS", Target.BUCKET, null, Permission.PUBLIC_READ),
    PREFLIGHT_OBJECT("OPTIONS", Target.OBJECT, null, Permission.PUBLIC_READ),

    // browser uploads: HTML form POSTs, signed in their body (see authenticatedByBody)
    POST_OBJECT("POST", Target.BUCKET, null, Permission.WRITE),

    // bucket tagging
    GET_BUCKET_TAGGING("GET", Target.BUCKET, "tagging", Permission.READ),
    PUT_BUCKET_TAGGING("PUT", Target.BUCKET, "tagging", Permission.WRITE),
    DELETE_BUCKET_TAGGING("DELETE", Target.BUCKET, "tagging", Permission.WRITE),

    // torrents: none is served (as S3 without torrent support answers)
    GET_OBJECT_TORRENT("GET", Target.OBJECT, "torrent", Permission.READ),

    // ownership and ACLs
    GET_BUCKET_OWNERSHIP_CONTROLS("GET", Target.BUCKET, "ownershipControls", Permission.READ),
    PUT_BUCKET_OWNERSHIP_CONTROLS("PUT", Target.BUCKET, "ownershipControls", Permission.WRITE),
    DELETE_BUCKET_OWNERSHIP_CONTROLS("DELETE", Target.BUCKET, "ownershipControls", Permission.WRITE),

    // bucket policies: the handler also asks Access.configures (the admin, the owner, a whole-bucket rw grant, or the policy)
    GET_BUCKET_POLICY("GET", Target.BUCKET, "policy", Permission.READ),
    PUT_BUCKET_POLICY("PUT", Target.BUCKET, "policy", Permission.WRITE),
    DELETE_BUCKET_POLICY("DELETE", Target.BUCKET, "policy", Permission.WRITE),
    GET_BUCKET_POLICY_STATUS("GET", Target.BUCKET, "policyStatus", Permission.READ),
    GET_PUBLIC_ACCESS_BLOCK("GET", Target.BUCKET, "publicAccessBlock", Permission.READ),
    PUT_PUBLIC_ACCESS_BLOCK("PUT", Target.BUCKET, "publicAccessBlock", Permission.WRITE),
    DELETE_PUBLIC_ACCESS_BLOCK("DELETE", Target.BUCKET, "publicAccessBlock", Permission.WRITE);

    /** What a request path addresses. */
    public enum Target { SERVICE, BUCKET, OBJECT }

    private final String method;
    private final Target target;
    private final String selector;
    private final Permission permission;
    private final String header;
    private final String s3Name;

    Operation(String method, Target target, String selector, Permission permission) {
        this(method, target, selector, permission, null);
    }

    /** A row also selected by a request header: CopyObject is a PUT that carries x-amz-copy-source. */
    Operation(String method, Target target, String selector, Permission permission, String header) {
        this.method = method;
        this.target = target;
        this.selector = selector;
        this.permission = permission;
        this.header = header;
        this.s3Name = s3Name(name());
    }

    /** The name in the S3 API reference, e.g. {@code PutObject}, {@code ListObjectsV2}. */
    public String s3Name() {
        return s3Name;
    }

    private static String s3Name(String constant) {
        var out = new StringBuilder();
        for (String word : constant.split("_")) {
            out.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return out.toString();
    }

    /**
     * The action a bucket policy names for this operation, e.g. {@code s3:GetObject} for GetObject
     * and HeadObject: the S3 name with {@code s3:} before it, except where S3's policy language
     * groups operations under one action.
     */
    public String action() {
        return switch (this) {
            case LIST_BUCKETS -> "s3:ListAllMyBuckets";
            case HEAD_BUCKET, LIST_OBJECTS, LIST_OBJECTS_V2 -> "s3:ListBucket";
            case LIST_OBJECT_VERSIONS -> "s3:ListBucketVersions";
            case HEAD_OBJECT -> "s3:GetObject";
            case COPY_OBJECT, CREATE_MULTIPART_UPLOAD, UPLOAD_PART, UPLOAD_PART_COPY, COMPLETE_MULTIPART_UPLOAD ->
                    "s3:PutObject";
            case DELETE_OBJECTS -> "s3:DeleteObject";
            case POST_OBJECT -> "s3:PutObject";
            case LIST_PARTS -> "s3:ListMultipartUploadParts";
            case LIST_MULTIPART_UPLOADS -> "s3:ListBucketMultipartUploads";
            case GET_BUCKET_CORS -> "s3:GetBucketCORS";
            case PUT_BUCKET_CORS, DELETE_BUCKET_CORS -> "s3:PutBucketCORS";
            case DELETE_BUCKET_OWNERSHIP_CONTROLS -> "s3:PutBucketOwnershipControls";
            case GET_PUBLIC_ACCESS_BLOCK -> "s3:GetBucketPublicAccessBlock";
            case PUT_PUBLIC_ACCESS_BLOCK, DELETE_PUBLIC_ACCESS_BLOCK -> "s3:PutBucketPublicAccessBlock";
            default -> "s3:" + s3Name;
        };
    }

    /**
     * Whether the request carries its signature in its body, not its headers or query: a browser
     * POST upload signs its form's policy. The pipeline then leaves the signature and permission
     * checks to the handler, which makes them, with this row's permission on the form's key, as
     * soon as it has read the fields before the file.
     */
    public boolean authenticatedByBody() {
        return this == POST_OBJECT;
    }

    public Permission permission() {
        return permission;
    }

    boolean matches(String requestMethod, Target requestTarget, Map<String, String> query) {
        if (!method.equals(requestMethod) || target != requestTarget) {
            return false;
        }
        if (selector == null) {
            return true;
        }
        if (this == LIST_OBJECTS_V2) {
            return "2".equals(query.get("list-type"));
        }
        return query.containsKey(selector);
    }

    boolean hasSelector() {
        return selector != null;
    }

    boolean hasHeaderSelector() {
        return header != null;
    }

    /** True when the row names no header, or the request carries it. */
    boolean headerHolds(Predicate<String> hasHeader) {
        return header == null || hasHeader.test(header);
    }
}
