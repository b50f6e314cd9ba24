package dev.cubby.e2e;

import static dev.cubby.e2e.MultipartParts.MIN_PART;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Every S3 operation that writes, run once against one bucket and checked by reading back:
 * PutObject, a multipart upload and its completion, UploadPartCopy, CopyObject, PutObjectTagging,
 * a folder marker, and DeleteObjects emptying the bucket again. For sequences that create, fill,
 * delete and re-create buckets; the bytes differ per {@code seed}, so a read of an earlier
 * round's leftovers is caught.
 */
final class EveryWrite {
    static final String PUT_KEY = "put/object.bin";
    static final String MULTIPART_KEY = "multipart/object.bin";
    static final String PART_COPY_KEY = "part-copy/object.bin";
    static final String COPY_KEY = "copy/object.bin";
    static final String FOLDER_KEY = "folder/";
    static final List<String> KEYS = List.of(PUT_KEY, MULTIPART_KEY, PART_COPY_KEY, COPY_KEY, FOLDER_KEY);

    private EveryWrite() {
    }

    /** Runs every writing operation in {@code bucket} (which must exist and be empty) and checks each. */
    static void fill(S3Client s3, String bucket, long seed) {
        byte[] body = FixtureTree.seeded(64 * 1024, seed);
        s3.putObject(b -> b.bucket(bucket).key(PUT_KEY), RequestBody.fromBytes(body));
        assertArrayEquals(body, s3.getObjectAsBytes(b -> b.bucket(bucket).key(PUT_KEY)).asByteArray(), "PutObject");

        byte[] first = FixtureTree.seeded(MIN_PART, seed + 1);
        byte[] last = FixtureTree.seeded(1000, seed + 2);
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(MULTIPART_KEY)).uploadId();
        String etag1 = s3.uploadPart(b -> b.bucket(bucket).key(MULTIPART_KEY).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String etag2 = s3.uploadPart(b -> b.bucket(bucket).key(MULTIPART_KEY).uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(last)).eTag();
        String etag = s3.completeMultipartUpload(b -> b.bucket(bucket).key(MULTIPART_KEY).uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                        CompletedPart.builder().partNumber(2).eTag(etag2).build()))).eTag();
        assertEquals(MultipartParts.etag(List.of(first, last)), etag, "CompleteMultipartUpload");
        assertArrayEquals(MultipartParts.concat(List.of(first, last)),
                s3.getObjectAsBytes(b -> b.bucket(bucket).key(MULTIPART_KEY)).asByteArray());

        String copyUpload = s3.createMultipartUpload(b -> b.bucket(bucket).key(PART_COPY_KEY)).uploadId();
        String copiedPart = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey(PUT_KEY)
                .destinationBucket(bucket).destinationKey(PART_COPY_KEY).uploadId(copyUpload).partNumber(1))
                .copyPartResult().eTag();
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(PART_COPY_KEY).uploadId(copyUpload)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(copiedPart).build())));
        assertArrayEquals(body, s3.getObjectAsBytes(b -> b.bucket(bucket).key(PART_COPY_KEY)).asByteArray(),
                "UploadPartCopy");

        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(PUT_KEY).destinationBucket(bucket).destinationKey(COPY_KEY));
        assertArrayEquals(body, s3.getObjectAsBytes(b -> b.bucket(bucket).key(COPY_KEY)).asByteArray(), "CopyObject");

        s3.putObjectTagging(b -> b.bucket(bucket).key(COPY_KEY)
                .tagging(t -> t.tagSet(Tag.builder().key("round").value(Long.toString(seed)).build())));
        assertEquals(Map.of("round", Long.toString(seed)), tags(s3, bucket, COPY_KEY), "PutObjectTagging");

        s3.putObject(b -> b.bucket(bucket).key(FOLDER_KEY), RequestBody.empty());
        assertEquals(KEYS.stream().sorted().toList(), keys(s3, bucket), "the folder marker and every object listed");
    }

    /** DeleteObjects of everything {@link #fill} made: the bucket is empty again, ready to be deleted. */
    static void empty(S3Client s3, String bucket) {
        var deleted = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(KEYS.stream()
                .map(key -> ObjectIdentifier.builder().key(key).build()).toList())));
        assertTrue(deleted.errors().isEmpty(), () -> "DeleteObjects: " + deleted.errors());
        assertEquals(List.of(), keys(s3, bucket), "DeleteObjects left nothing");
    }

    static List<String> keys(S3Client s3, String bucket) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }

    static Map<String, String> tags(S3Client s3, String bucket, String key) {
        return s3.getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet().stream()
                .collect(java.util.stream.Collectors.toMap(Tag::key, Tag::value));
    }
}
