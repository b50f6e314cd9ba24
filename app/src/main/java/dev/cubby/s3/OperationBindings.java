package dev.cubby.s3;

import static dev.cubby.s3.Operation.*;

import dev.cubby.auth.AccessPolicy;
import dev.cubby.auth.PostPolicySignature;
import dev.cubby.s3.handler.AclHandlers;
import dev.cubby.policy.BucketPolicyEngine;
import dev.cubby.s3.handler.BucketHandlers;
import dev.cubby.s3.handler.BucketTaggingHandlers;
import dev.cubby.s3.handler.BucketPolicyHandlers;
import dev.cubby.s3.handler.CopyObjectHandler;
import dev.cubby.s3.handler.CorsHandlers;
import dev.cubby.s3.handler.DeleteObjectHandler;
import dev.cubby.s3.handler.DeleteObjectsHandler;
import dev.cubby.s3.handler.GetObjectHandler;
import dev.cubby.s3.handler.ListObjectsHandler;
import dev.cubby.s3.handler.MultipartHandlers;
import dev.cubby.s3.handler.ObjectAttributesHandler;
import dev.cubby.s3.handler.OwnershipControlsHandlers;
import dev.cubby.s3.handler.PostObjectHandler;
import dev.cubby.s3.handler.PutObjectHandler;
import dev.cubby.s3.handler.TaggingHandlers;
import dev.cubby.s3.cors.BucketCors;
import dev.cubby.store.ObjectStore;

/**
 * Which code serves each {@link Operation}: one line per row of the enum, in its order. A new
 * operation is a row there, a handler in {@code s3/handler/}, and a line here;
 * {@code OperationBindingsTest} fails while a row has no line (the request would answer 500).
 */
public final class OperationBindings {
    private OperationBindings() {
    }

    /**
     * @param region the region GetBucketLocation answers
     * @param owners who owns each bucket and object, and their ACLs
     * @param forms  checks the signatures of browser POST uploads, which the handler verifies itself
     * @param accessPolicy the one permission check, which a browser upload's handler asks once it has read the form
     * @param policies the bucket policies, which the policy calls store and GetBucketPolicyStatus asks
     */
    public static OperationTable over(ObjectStore store, String region, Owners owners, PostPolicySignature forms,
                                      AccessPolicy accessPolicy, BucketPolicyEngine policies) {
        var buckets = new BucketHandlers(store, region, owners);
        var listObjects = new ListObjectsHandler(store, owners);
        var getObject = new GetObjectHandler(store);
        var acl = new AclHandlers(store, owners);
        var tagging = new TaggingHandlers(store);
        var multipart = new MultipartHandlers(store, owners);
        var ownershipControls = new OwnershipControlsHandlers(store, owners);
        var cors = new CorsHandlers(store, BucketCors.over(store));
        var putObject = new PutObjectHandler(store, owners);
        var bucketTagging = new BucketTaggingHandlers(store);
        var policy = new BucketPolicyHandlers(store, policies, owners);
        return new OperationTable()
                .bind(LIST_BUCKETS, buckets::listBuckets)

                .bind(CREATE_BUCKET, buckets::createBucket)
                .bind(DELETE_BUCKET, buckets::deleteBucket)
                .bind(HEAD_BUCKET, buckets::headBucket)
                .bind(GET_BUCKET_LOCATION, buckets::getBucketLocation)
                .bind(GET_BUCKET_VERSIONING, buckets::getBucketVersioning)
                .bind(LIST_OBJECTS_V2, listObjects::listV2)
                .bind(LIST_OBJECTS, listObjects::listV1)
                .bind(LIST_OBJECT_VERSIONS, listObjects::listVersions)

                .bind(PUT_OBJECT, putObject::put)
                .bind(GET_OBJECT, getObject::get)
                .bind(HEAD_OBJECT, getObject::head)
                .bind(DELETE_OBJECT, new DeleteObjectHandler(store)::delete)
                .bind(GET_OBJECT_ATTRIBUTES, new ObjectAttributesHandler(store)::get)
                .bind(COPY_OBJECT, new CopyObjectHandler(store, owners)::copy)
                .bind(DELETE_OBJECTS, new DeleteObjectsHandler(store)::deleteObjects)
                .bind(GET_BUCKET_ACL, acl::getBucketAcl)
                .bind(PUT_BUCKET_ACL, acl::putBucketAcl)
                .bind(GET_OBJECT_ACL, acl::getObjectAcl)
                .bind(PUT_OBJECT_ACL, acl::putObjectAcl)
                .bind(GET_OBJECT_TAGGING, tagging::get)
                .bind(PUT_OBJECT_TAGGING, tagging::put)
                .bind(DELETE_OBJECT_TAGGING, tagging::delete)

                .bind(CREATE_MULTIPART_UPLOAD, multipart::create)
                .bind(UPLOAD_PART, multipart::uploadPart)
                .bind(UPLOAD_PART_COPY, multipart::uploadPartCopy)
                .bind(COMPLETE_MULTIPART_UPLOAD, multipart::complete)
                .bind(ABORT_MULTIPART_UPLOAD, multipart::abort)
                .bind(LIST_PARTS, multipart::listParts)
                .bind(LIST_MULTIPART_UPLOADS, multipart::listUploads)

                .bind(GET_BUCKET_CORS, cors::get)
                .bind(PUT_BUCKET_CORS, cors::put)
                .bind(DELETE_BUCKET_CORS, cors::delete)
                .bind(PREFLIGHT_BUCKET, cors::preflight)
                .bind(PREFLIGHT_OBJECT, cors::preflight)

                // browser uploads
                .bind(POST_OBJECT, new PostObjectHandler(store, putObject, forms, accessPolicy,
                        java.time.Clock.systemUTC())::post)

                .bind(GET_BUCKET_TAGGING, bucketTagging::get)
                .bind(PUT_BUCKET_TAGGING, bucketTagging::put)
                .bind(DELETE_BUCKET_TAGGING, bucketTagging::delete)

                .bind(GET_OBJECT_TORRENT, getObject::torrent)

                // ownership and ACLs
                .bind(GET_BUCKET_OWNERSHIP_CONTROLS, ownershipControls::get)
                .bind(PUT_BUCKET_OWNERSHIP_CONTROLS, ownershipControls::put)
                .bind(DELETE_BUCKET_OWNERSHIP_CONTROLS, ownershipControls::delete)

                // bucket policies
                .bind(GET_BUCKET_POLICY, policy::getPolicy)
                .bind(PUT_BUCKET_POLICY, policy::putPolicy)
                .bind(DELETE_BUCKET_POLICY, policy::deletePolicy)
                .bind(GET_BUCKET_POLICY_STATUS, policy::getPolicyStatus)
                .bind(GET_PUBLIC_ACCESS_BLOCK, policy::getPublicAccessBlock)
                .bind(PUT_PUBLIC_ACCESS_BLOCK, policy::putPublicAccessBlock)
                .bind(DELETE_PUBLIC_ACCESS_BLOCK, policy::deletePublicAccessBlock);
    }
}
