package dev.cubby.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The policy actions are S3's: a policy written for AWS means the same on Cubby. */
class OperationActionTest {
    @Test
    void readsOfAnObjectAndItsHeadAreOneAction() {
        assertEquals("s3:GetObject", Operation.GET_OBJECT.action());
        assertEquals("s3:GetObject", Operation.HEAD_OBJECT.action());
    }

    @Test
    void everyWayOfWritingAnObjectIsPutObject() {
        for (Operation write : new Operation[] {Operation.PUT_OBJECT, Operation.COPY_OBJECT,
                Operation.CREATE_MULTIPART_UPLOAD, Operation.UPLOAD_PART, Operation.UPLOAD_PART_COPY,
                Operation.COMPLETE_MULTIPART_UPLOAD}) {
            assertEquals("s3:PutObject", write.action(), write.name());
        }
    }

    @Test
    void listingsAndBucketHeadAreListBucket() {
        assertEquals("s3:ListBucket", Operation.LIST_OBJECTS.action());
        assertEquals("s3:ListBucket", Operation.LIST_OBJECTS_V2.action());
        assertEquals("s3:ListBucket", Operation.HEAD_BUCKET.action());
        assertEquals("s3:ListBucketMultipartUploads", Operation.LIST_MULTIPART_UPLOADS.action());
        assertEquals("s3:ListMultipartUploadParts", Operation.LIST_PARTS.action());
        assertEquals("s3:DeleteObject", Operation.DELETE_OBJECTS.action());
    }

    @Test
    void theRestAreTheirS3Names() {
        assertEquals("s3:GetBucketAcl", Operation.GET_BUCKET_ACL.action());
        assertEquals("s3:PutObjectTagging", Operation.PUT_OBJECT_TAGGING.action());
        for (Operation operation : Operation.values()) {
            assertTrue(operation.action().matches("s3:[A-Z][A-Za-z0-9]+"), operation.action());
        }
    }
}
