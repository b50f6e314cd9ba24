package dev.cubby.e2e;

import static dev.cubby.e2e.MultipartParts.MIN_PART;
import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.ObjectPart;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * What a completed multipart object keeps of its parts: GET and HEAD of one part
 * ({@code ?partNumber}), the parts in GetObjectAttributes, a completion sent again, a part named
 * twice in the completion, and the tags given at CreateMultipartUpload.
 */
class MultipartPartsKeptTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    private static final byte[] PART_1 = FixtureTree.seeded(MIN_PART, 301);
    private static final byte[] PART_2 = FixtureTree.seeded(MIN_PART, 302);
    private static final byte[] LAST = FixtureTree.seeded(1024, 303);
    private static final List<byte[]> THREE = List.of(PART_1, PART_2, LAST);

    private final S3Client s3 = server.client();

    @Test
    void getAndHeadOfAPartNumberServeThatPartsBytesWithThePartsCount() throws IOException {
        String bucket = server.newBucket("parts");
        CompleteMultipartUploadResponse done = uploadThree(bucket, "three.bin", ChecksumAlgorithm.CRC32);

        ResponseBytes<GetObjectResponse> second = s3.getObjectAsBytes(b -> b.bucket(bucket).key("three.bin")
                .partNumber(2));
        assertArrayEquals(PART_2, second.asByteArray());
        assertEquals(3, second.response().partsCount());
        assertEquals(done.eTag(), second.response().eTag(), "the object's ETag, not the part's");
        long size = 2L * MIN_PART + LAST.length;
        assertEquals("bytes " + MIN_PART + "-" + (2L * MIN_PART - 1) + "/" + size, second.response().contentRange());

        HeadObjectResponse last = s3.headObject(b -> b.bucket(bucket).key("three.bin").partNumber(3));
        assertEquals(LAST.length, last.contentLength());
        assertEquals(3, last.partsCount());
        assertEquals("bytes " + 2L * MIN_PART + "-" + (size - 1) + "/" + size, last.contentRange());
    }

    @Test
    void withChecksumModeAPartReadCarriesThatPartsChecksum() throws IOException {
        String bucket = server.newBucket("parts");
        uploadThree(bucket, "summed.bin", ChecksumAlgorithm.CRC32);

        ResponseBytes<GetObjectResponse> first = s3.getObjectAsBytes(b -> b.bucket(bucket).key("summed.bin")
                .partNumber(1).checksumMode(ChecksumMode.ENABLED));

        assertArrayEquals(PART_1, first.asByteArray());
        assertEquals(Digests.checksumBase64(ChecksumAlgorithm.CRC32, PART_1), first.response().checksumCRC32());
    }

    @Test
    void aPartReadWithChecksumModeNamesTheObjectsChecksumType() throws IOException {
        String bucket = server.newBucket("parttype");
        uploadThree(bucket, "composite.bin", ChecksumAlgorithm.CRC32);
        uploadThree(bucket, "full.bin", ChecksumAlgorithm.CRC64_NVME);

        GetObjectResponse composite = s3.getObjectAsBytes(b -> b.bucket(bucket).key("composite.bin")
                .partNumber(2).checksumMode(ChecksumMode.ENABLED)).response();
        GetObjectResponse full = s3.getObjectAsBytes(b -> b.bucket(bucket).key("full.bin")
                .partNumber(3).checksumMode(ChecksumMode.ENABLED)).response();

        assertEquals(software.amazon.awssdk.services.s3.model.ChecksumType.COMPOSITE, composite.checksumType());
        assertEquals(Digests.checksumBase64(ChecksumAlgorithm.CRC32, PART_2), composite.checksumCRC32());
        assertEquals(software.amazon.awssdk.services.s3.model.ChecksumType.FULL_OBJECT, full.checksumType());
        assertEquals(Digests.checksumBase64(ChecksumAlgorithm.CRC64_NVME, LAST), full.checksumCRC64NVME());
    }

    @Test
    void aPartTheObjectDoesNotHaveOrAPartWithARangeIsRefused() throws IOException {
        String bucket = server.newBucket("parts");
        uploadThree(bucket, "three.bin", null);

        assertS3Error(400, "InvalidPart", () -> s3.getObject(b -> b.bucket(bucket).key("three.bin").partNumber(4)));
        assertS3Error(400, "InvalidRequest", () -> s3.getObject(b -> b.bucket(bucket).key("three.bin").partNumber(1)
                .range("bytes=0-9")));
        assertS3Error(404, "NoSuchKey", () -> s3.getObject(b -> b.bucket(bucket).key("unfinished.bin").partNumber(1)));
    }

    @Test
    void anObjectPutWholeIsItsOwnPartOneAndHasNoOther() throws IOException {
        String bucket = server.newBucket("parts");
        s3.putObject(b -> b.bucket(bucket).key("whole.txt"), RequestBody.fromString("body"));

        ResponseBytes<GetObjectResponse> one = s3.getObjectAsBytes(b -> b.bucket(bucket).key("whole.txt").partNumber(1));

        assertEquals("body", one.asUtf8String());
        assertNull(one.response().partsCount(), "it was not uploaded in parts");
        assertS3Error(400, "InvalidPart", () -> s3.getObject(b -> b.bucket(bucket).key("whole.txt").partNumber(2)));
    }

    @Test
    void anObjectWrittenOverAMultipartOneForgetsTheOldParts() throws IOException {
        String bucket = server.newBucket("parts");
        uploadThree(bucket, "replaced.bin", null);
        s3.putObject(b -> b.bucket(bucket).key("replaced.bin"), RequestBody.fromString("now one piece"));

        assertS3Error(400, "InvalidPart", () -> s3.getObject(b -> b.bucket(bucket).key("replaced.bin").partNumber(2)));
        assertEquals("now one piece", s3.getObjectAsBytes(b -> b.bucket(bucket).key("replaced.bin").partNumber(1))
                .asUtf8String());
    }

    @Test
    void objectAttributesPageThePartsWithSizesAndChecksums() throws IOException {
        String bucket = server.newBucket("parts");
        uploadThree(bucket, "paged.bin", ChecksumAlgorithm.SHA256);

        GetObjectAttributesResponse page = s3.getObjectAttributes(b -> b.bucket(bucket).key("paged.bin")
                .objectAttributes(ObjectAttributes.OBJECT_PARTS).maxParts(1).partNumberMarker(1));

        var parts = page.objectParts();
        assertEquals(3, parts.totalPartsCount());
        assertEquals(1, parts.maxParts());
        assertEquals(1, parts.partNumberMarker());
        assertEquals(2, parts.nextPartNumberMarker());
        assertTrue(parts.isTruncated());
        ObjectPart second = parts.parts().getFirst();
        assertEquals(1, parts.parts().size());
        assertEquals(2, second.partNumber());
        assertEquals(PART_2.length, second.size());
        assertEquals(Digests.checksumBase64(ChecksumAlgorithm.SHA256, PART_2), second.checksumSHA256());

        var rest = s3.getObjectAttributes(b -> b.bucket(bucket).key("paged.bin")
                .objectAttributes(ObjectAttributes.OBJECT_PARTS).partNumberMarker(2)).objectParts();
        assertFalse(rest.isTruncated());
        assertEquals(List.of(3), rest.parts().stream().map(ObjectPart::partNumber).toList());
        assertEquals(LAST.length, rest.parts().getFirst().size());
    }

    @Test
    void aCompletionSentAgainAnswersAsTheFirstWhileItsObjectStands() throws IOException {
        String bucket = server.newBucket("parts");
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("again.bin")
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
        List<CompletedPart> parts = uploadAll(bucket, "again.bin", id, THREE, ChecksumAlgorithm.SHA256);
        CompleteMultipartUploadResponse first = complete(bucket, "again.bin", id, parts);

        CompleteMultipartUploadResponse again = complete(bucket, "again.bin", id, parts);

        assertEquals(first.eTag(), again.eTag());
        assertEquals(first.checksumSHA256(), again.checksumSHA256());
        assertArrayEquals(MultipartParts.concat(THREE), s3.getObjectAsBytes(b -> b.bucket(bucket).key("again.bin"))
                .asByteArray());

        s3.putObject(b -> b.bucket(bucket).key("again.bin"), RequestBody.fromString("another object"));
        assertS3Error(404, "NoSuchUpload", () -> complete(bucket, "again.bin", id, parts));
    }

    @Test
    void aPartNamedTwiceInTheCompletionCountsByItsLastEntry() throws IOException {
        String bucket = server.newBucket("parts");
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("twice.bin")).uploadId();
        UploadPartResponse earlier = s3.uploadPart(b -> b.bucket(bucket).key("twice.bin").uploadId(id).partNumber(1),
                RequestBody.fromString("first send"));
        UploadPartResponse later = s3.uploadPart(b -> b.bucket(bucket).key("twice.bin").uploadId(id).partNumber(1),
                RequestBody.fromString("second send"));

        complete(bucket, "twice.bin", id, List.of(CompletedPart.builder().partNumber(1).eTag(earlier.eTag()).build(),
                CompletedPart.builder().partNumber(1).eTag(later.eTag()).build()));

        assertEquals("second send", s3.getObjectAsBytes(b -> b.bucket(bucket).key("twice.bin")).asUtf8String());
    }

    @Test
    void tagsGivenAtCreateMultipartUploadAreTheObjectsOnceComplete() throws IOException {
        String bucket = server.newBucket("parts");
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("tagged.bin").tagging("colour=blue&size=big"))
                .uploadId();
        assertS3Error(404, "NoSuchKey", () -> s3.getObjectTagging(b -> b.bucket(bucket).key("tagged.bin")));

        complete(bucket, "tagged.bin", id, uploadAll(bucket, "tagged.bin", id, List.of(LAST), null));

        Map<String, String> tags = s3.getObjectTagging(b -> b.bucket(bucket).key("tagged.bin")).tagSet().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
        assertEquals(Map.of("colour", "blue", "size", "big"), tags);
        assertS3Error(400, "InvalidTag", () -> s3.createMultipartUpload(b -> b.bucket(bucket).key("bad.bin")
                .tagging("aws:reserved=1")));
    }

    @Test
    void thePartsOfACompletedObjectSurviveARestart() throws IOException, InterruptedException {
        String bucket = server.newBucket("parts");
        uploadThree(bucket, "kept.bin", null);

        server.restart();

        assertArrayEquals(LAST, server.client().getObjectAsBytes(b -> b.bucket(bucket).key("kept.bin").partNumber(3))
                .asByteArray());
    }

    private CompleteMultipartUploadResponse uploadThree(String bucket, String key, ChecksumAlgorithm algorithm) {
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).checksumAlgorithm(algorithm)).uploadId();
        return complete(bucket, key, id, uploadAll(bucket, key, id, THREE, algorithm));
    }

    private List<CompletedPart> uploadAll(String bucket, String key, String id, List<byte[]> bodies,
                                          ChecksumAlgorithm algorithm) {
        List<CompletedPart> parts = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            int number = i + 1;
            UploadPartResponse sent = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(number)
                    .checksumAlgorithm(algorithm), RequestBody.fromBytes(bodies.get(number - 1)));
            parts.add(CompletedPart.builder().partNumber(number).eTag(sent.eTag()).checksumCRC32(sent.checksumCRC32())
                    .checksumSHA256(sent.checksumSHA256()).checksumCRC64NVME(sent.checksumCRC64NVME()).build());
        }
        return parts;
    }

    private CompleteMultipartUploadResponse complete(String bucket, String key, String id, List<CompletedPart> parts) {
        return s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)
                .multipartUpload(m -> m.parts(parts)));
    }
}
