package dev.cubby.e2e;

import static dev.cubby.e2e.MultipartParts.MIN_PART;
import static dev.cubby.e2e.S3Assert.assertS3Error;
import static dev.cubby.e2e.S3Assert.assertS3Status;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * CreateMultipartUpload, UploadPart, CompleteMultipartUpload, AbortMultipartUpload, ListParts and
 * ListMultipartUploads with the SDK's plain client: the assembled file, its ETag and checksum, and
 * S3's errors, each leaving the tree as it was.
 */
class MultipartTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    private static final byte[] PART_1 = FixtureTree.seeded(MIN_PART, 101);
    private static final byte[] PART_2 = FixtureTree.seeded(MIN_PART, 102);
    private static final byte[] LAST = FixtureTree.seeded(1024, 103);
    private static final List<byte[]> THREE = List.of(PART_1, PART_2, LAST);

    private final S3Client s3 = server.client();

    @Test
    void threePartsAssembleIntoTheExactFileWithTheMultipartEtagAndCreateTimeHeaders() throws IOException {
        String bucket = server.newBucket("mpu");
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("dir/big.bin")
                .contentType("application/x-cubby-parts").metadata(Map.of("origin", "multipart"))).uploadId();
        List<CompletedPart> parts = uploadAll(bucket, "dir/big.bin", id, THREE);

        assertS3Status(404, () -> s3.headObject(b -> b.bucket(bucket).key("dir/big.bin")));
        assertFalse(Files.exists(server.file(bucket, "dir/big.bin")), "nothing at the key before Complete");
        assertTrue(s3.listObjectsV2(b -> b.bucket(bucket)).contents().isEmpty(), "no staging in the listing");

        CompleteMultipartUploadResponse done = complete(bucket, "dir/big.bin", id, parts);

        String etag = MultipartParts.etag(THREE);
        assertEquals(etag, done.eTag());
        assertEquals(bucket, done.bucket());
        assertEquals("dir/big.bin", done.key());
        assertArrayEquals(MultipartParts.concat(THREE), Files.readAllBytes(server.file(bucket, "dir/big.bin")));
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("dir/big.bin"));
        assertEquals(2L * MIN_PART + LAST.length, head.contentLength());
        assertEquals(etag, head.eTag());
        assertEquals("application/x-cubby-parts", head.contentType());
        assertEquals(Map.of("origin", "multipart"), head.metadata());
        assertFalse(uploadIds(s3.listMultipartUploads(b -> b.bucket(bucket))).contains(id), "completed upload is gone");
    }

    @Test
    void listPartsPagesWithMaxPartsAndPartNumberMarker() throws IOException {
        String bucket = server.newBucket("parts");
        String id = create(bucket, "p.bin");
        List<byte[]> bodies = List.of(FixtureTree.seeded(100, 1), FixtureTree.seeded(200, 2), FixtureTree.seeded(300, 3));
        uploadAll(bucket, "p.bin", id, bodies);

        ListPartsResponse first = s3.listParts(b -> b.bucket(bucket).key("p.bin").uploadId(id).maxParts(2));
        assertEquals(List.of(1, 2), first.parts().stream().map(Part::partNumber).toList());
        assertTrue(first.isTruncated());
        assertEquals(2, first.nextPartNumberMarker());
        assertEquals(2, first.maxParts());
        assertEquals(Digests.etag(bodies.get(0)), first.parts().get(0).eTag());
        assertEquals(200L, first.parts().get(1).size());

        ListPartsResponse second = s3.listParts(b -> b.bucket(bucket).key("p.bin").uploadId(id)
                .partNumberMarker(first.nextPartNumberMarker()));
        assertEquals(List.of(3), second.parts().stream().map(Part::partNumber).toList());
        assertFalse(second.isTruncated());
        assertEquals(Digests.etag(bodies.get(2)), second.parts().getFirst().eTag());
        assertEquals(300L, second.parts().getFirst().size());
        assertEquals(id, second.uploadId());
    }

    @Test
    void listMultipartUploadsFiltersByPrefixGroupsByDelimiterAndPages() throws IOException {
        String bucket = server.newBucket("uploads");
        List<String> keys = List.of("a/one", "a/two", "a/two", "b/three", "c");
        List<String> ids = new ArrayList<>();
        for (String key : keys) {
            ids.add(create(bucket, key));
        }

        ListMultipartUploadsResponse underA = s3.listMultipartUploads(b -> b.bucket(bucket).prefix("a/"));
        assertEquals(List.of("a/one", "a/two", "a/two"), underA.uploads().stream().map(MultipartUpload::key).toList());
        assertEquals(new HashSet<>(ids.subList(0, 3)), new HashSet<>(uploadIds(underA)));

        ListMultipartUploadsResponse grouped = s3.listMultipartUploads(b -> b.bucket(bucket).delimiter("/"));
        assertEquals(List.of("c"), grouped.uploads().stream().map(MultipartUpload::key).toList());
        assertEquals(List.of("a/", "b/"), grouped.commonPrefixes().stream().map(CommonPrefix::prefix).toList());

        List<MultipartUpload> paged = new ArrayList<>();
        String keyMarker = null;
        String idMarker = null;
        for (int page = 0; page < 20; page++) {
            String k = keyMarker;
            String u = idMarker;
            ListMultipartUploadsResponse one = s3.listMultipartUploads(b -> b.bucket(bucket).maxUploads(1)
                    .keyMarker(k).uploadIdMarker(u));
            assertTrue(one.uploads().size() <= 1, "max-uploads=1 gives at most one upload");
            paged.addAll(one.uploads());
            if (!one.isTruncated()) {
                break;
            }
            keyMarker = one.nextKeyMarker();
            idMarker = one.nextUploadIdMarker();
        }
        assertEquals(keys, paged.stream().map(MultipartUpload::key).toList());
        assertEquals(new HashSet<>(ids), new HashSet<>(paged.stream().map(MultipartUpload::uploadId).toList()));
        assertEquals(ids.size(), new HashSet<>(paged.stream().map(MultipartUpload::uploadId).toList()).size());
    }

    @Test
    void abortedUploadIsGoneFromPartsListingsAndDisk() throws IOException {
        String bucket = server.newBucket("abort");
        byte[] staged = FixtureTree.seeded(4096, 104);
        TreeSnapshot before = TreeSnapshot.of(server.base());
        String id = create(bucket, "aborted.bin");
        upload(bucket, "aborted.bin", id, 1, staged);

        assertEquals(204, s3.abortMultipartUpload(b -> b.bucket(bucket).key("aborted.bin").uploadId(id))
                .sdkHttpResponse().statusCode());

        assertS3Error(404, "NoSuchUpload", () -> upload(bucket, "aborted.bin", id, 2, LAST));
        assertS3Error(404, "NoSuchUpload", () -> s3.listParts(b -> b.bucket(bucket).key("aborted.bin").uploadId(id)));
        assertFalse(uploadIds(s3.listMultipartUploads(b -> b.bucket(bucket))).contains(id));
        assertTrue(s3.listObjectsV2(b -> b.bucket(bucket)).contents().isEmpty());
        assertEquals(before, TreeSnapshot.of(server.base()));
        assertEquals(List.of(), MultipartParts.stagedCopies(server.root(), staged), "staged part removed");
    }

    @Test
    void reuploadingAPartNumberReplacesThatPart() throws IOException {
        String bucket = server.newBucket("replace");
        String id = create(bucket, "r.bin");
        upload(bucket, "r.bin", id, 1, FixtureTree.seeded(MIN_PART, 105));
        CompletedPart replaced = upload(bucket, "r.bin", id, 1, PART_2);
        CompletedPart last = upload(bucket, "r.bin", id, 2, LAST);

        ListPartsResponse listed = s3.listParts(b -> b.bucket(bucket).key("r.bin").uploadId(id));
        assertEquals(List.of(1, 2), listed.parts().stream().map(Part::partNumber).toList());
        assertEquals(Digests.etag(PART_2), listed.parts().getFirst().eTag());

        CompleteMultipartUploadResponse done = complete(bucket, "r.bin", id, List.of(replaced, last));

        assertEquals(MultipartParts.etag(List.of(PART_2, LAST)), done.eTag());
        assertArrayEquals(MultipartParts.concat(List.of(PART_2, LAST)), Files.readAllBytes(server.file(bucket, "r.bin")));
    }

    @Test
    void partsUploadedOutOfOrderCompleteInPartNumberOrder() throws IOException {
        String bucket = server.newBucket("order");
        String id = create(bucket, "o.bin");
        CompletedPart third = upload(bucket, "o.bin", id, 3, LAST);
        CompletedPart first = upload(bucket, "o.bin", id, 1, PART_1);
        CompletedPart second = upload(bucket, "o.bin", id, 2, PART_2);

        CompleteMultipartUploadResponse done = complete(bucket, "o.bin", id, List.of(first, second, third));

        assertEquals(MultipartParts.etag(THREE), done.eTag());
        assertArrayEquals(MultipartParts.concat(THREE), Files.readAllBytes(server.file(bucket, "o.bin")));
    }

    @Test
    void completeWithPartsOutOfOrderAnswersInvalidPartOrderAndTheUploadStillCompletes() throws IOException {
        String bucket = server.newBucket("badorder");
        String id = create(bucket, "k.bin");
        List<CompletedPart> parts = uploadAll(bucket, "k.bin", id, THREE);
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(400, "InvalidPartOrder",
                () -> complete(bucket, "k.bin", id, List.of(parts.get(1), parts.get(0), parts.get(2))));

        assertEquals(before, TreeSnapshot.of(server.base()));
        assertEquals(3, s3.listParts(b -> b.bucket(bucket).key("k.bin").uploadId(id)).parts().size());
        assertEquals(MultipartParts.etag(THREE), complete(bucket, "k.bin", id, parts).eTag());
        assertArrayEquals(MultipartParts.concat(THREE), Files.readAllBytes(server.file(bucket, "k.bin")));
    }

    @Test
    void completeWithAWrongPartEtagAnswersInvalidPart() throws IOException {
        String bucket = server.newBucket("badetag");
        String id = create(bucket, "k.bin");
        List<CompletedPart> parts = uploadAll(bucket, "k.bin", id, List.of(PART_1, LAST));
        CompletedPart wrong = parts.get(1).toBuilder().eTag(Digests.etag("other bytes".getBytes())).build();
        CompletedPart neverUploaded = CompletedPart.builder().partNumber(3).eTag(Digests.etag(LAST)).build();
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(400, "InvalidPart", () -> complete(bucket, "k.bin", id, List.of(parts.get(0), wrong)));
        assertS3Error(400, "InvalidPart", () -> complete(bucket, "k.bin", id, List.of(parts.get(0), neverUploaded)));

        assertEquals(before, TreeSnapshot.of(server.base()));
        assertEquals(MultipartParts.etag(List.of(PART_1, LAST)), complete(bucket, "k.bin", id, parts).eTag());
    }

    @Test
    void completeWithASmallPartBeforeTheLastAnswersEntityTooSmall() throws IOException {
        String bucket = server.newBucket("small");
        String id = create(bucket, "k.bin");
        List<CompletedPart> parts = uploadAll(bucket, "k.bin", id, List.of(LAST, PART_1));
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(400, "EntityTooSmall", () -> complete(bucket, "k.bin", id, parts));

        assertEquals(before, TreeSnapshot.of(server.base()));
        assertS3Status(404, () -> s3.headObject(b -> b.bucket(bucket).key("k.bin")));
        CompletedPart big = upload(bucket, "k.bin", id, 1, PART_2);
        assertEquals(MultipartParts.etag(List.of(PART_2, PART_1)), complete(bucket, "k.bin", id, List.of(big, parts.get(1))).eTag());
        assertArrayEquals(MultipartParts.concat(List.of(PART_2, PART_1)), Files.readAllBytes(server.file(bucket, "k.bin")));
    }

    @Test
    void unknownUploadIdAnswersNoSuchUpload() throws IOException {
        String bucket = server.newBucket("unknown");
        String id = "no-such-upload-id";
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(404, "NoSuchUpload", () -> upload(bucket, "k.bin", id, 1, LAST));
        assertS3Error(404, "NoSuchUpload", () -> s3.listParts(b -> b.bucket(bucket).key("k.bin").uploadId(id)));
        assertS3Error(404, "NoSuchUpload", () -> complete(bucket, "k.bin", id,
                List.of(CompletedPart.builder().partNumber(1).eTag(Digests.etag(LAST)).build())));
        assertS3Error(404, "NoSuchUpload", () -> s3.abortMultipartUpload(b -> b.bucket(bucket).key("k.bin").uploadId(id)));

        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @Test
    void partNumberOutsideOneTo10000AnswersInvalidArgument() throws IOException {
        String bucket = server.newBucket("partno");
        String id = create(bucket, "k.bin");
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(400, "InvalidArgument", () -> upload(bucket, "k.bin", id, 0, LAST));
        assertS3Error(400, "InvalidArgument", () -> upload(bucket, "k.bin", id, 10_001, LAST));

        assertEquals(before, TreeSnapshot.of(server.base()));
        assertTrue(s3.listParts(b -> b.bucket(bucket).key("k.bin").uploadId(id)).parts().isEmpty());
        upload(bucket, "k.bin", id, 10_000, LAST);
        assertEquals(List.of(10_000), s3.listParts(b -> b.bucket(bucket).key("k.bin").uploadId(id)).parts().stream()
                .map(Part::partNumber).toList());
    }

    @ParameterizedTest
    @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32", "SHA256"})
    void partChecksumsCombineIntoACompositeChecksumOfTheObject(ChecksumAlgorithm algorithm) throws IOException {
        String bucket = server.newBucket("composite");
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("c.bin").checksumAlgorithm(algorithm)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int i = 0; i < THREE.size(); i++) {
            int number = i + 1;
            byte[] body = THREE.get(i);
            UploadPartResponse response = s3.uploadPart(b -> b.bucket(bucket).key("c.bin").uploadId(id)
                    .partNumber(number).checksumAlgorithm(algorithm), RequestBody.fromBytes(body));
            String expected = Digests.checksumBase64(algorithm, body);
            String returned = algorithm == ChecksumAlgorithm.CRC32 ? response.checksumCRC32() : response.checksumSHA256();
            assertEquals(expected, returned, "part " + number + " checksum");
            CompletedPart.Builder part = CompletedPart.builder().partNumber(number).eTag(response.eTag());
            parts.add((algorithm == ChecksumAlgorithm.CRC32 ? part.checksumCRC32(expected) : part.checksumSHA256(expected))
                    .build());
        }

        complete(bucket, "c.bin", id, parts);

        String composite = MultipartParts.compositeChecksum(algorithm, THREE);
        assertTrue(composite.endsWith("-3"));
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("c.bin").checksumMode(ChecksumMode.ENABLED));
        assertEquals(composite, algorithm == ChecksumAlgorithm.CRC32 ? head.checksumCRC32() : head.checksumSHA256());
        assertEquals(ChecksumType.COMPOSITE, head.checksumType());
        assertEquals(MultipartParts.etag(THREE), head.eTag());
        assertArrayEquals(MultipartParts.concat(THREE), Files.readAllBytes(server.file(bucket, "c.bin")));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void eightPartsUploadedConcurrentlyAssembleByteExact() throws Exception {
        String bucket = server.newBucket("parallel");
        String id = create(bucket, "p.bin");
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            bodies.add(FixtureTree.seeded(MIN_PART, 200 + i));
        }
        List<Future<CompletedPart>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 8; i++) {
                int number = i + 1;
                futures.add(pool.submit(() -> upload(bucket, "p.bin", id, number, bodies.get(number - 1))));
            }
            List<CompletedPart> parts = new ArrayList<>();
            for (Future<CompletedPart> future : futures) {
                parts.add(future.get(90, TimeUnit.SECONDS));
            }

            CompleteMultipartUploadResponse done = complete(bucket, "p.bin", id, parts);

            assertEquals(MultipartParts.etag(bodies), done.eTag());
            assertArrayEquals(MultipartParts.concat(bodies), Files.readAllBytes(server.file(bucket, "p.bin")));
        } finally {
            pool.shutdownNow();
        }
    }

    private String create(String bucket, String key) {
        return s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
    }

    private CompletedPart upload(String bucket, String key, String id, int number, byte[] body) {
        UploadPartResponse response = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(number),
                RequestBody.fromBytes(body));
        assertEquals(Digests.etag(body), response.eTag(), "a part's ETag is the MD5 of its bytes");
        return CompletedPart.builder().partNumber(number).eTag(response.eTag()).build();
    }

    private List<CompletedPart> uploadAll(String bucket, String key, String id, List<byte[]> bodies) {
        List<CompletedPart> parts = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            parts.add(upload(bucket, key, id, i + 1, bodies.get(i)));
        }
        return parts;
    }

    private CompleteMultipartUploadResponse complete(String bucket, String key, String id, List<CompletedPart> parts) {
        return s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)
                .multipartUpload(m -> m.parts(parts)));
    }

    private static List<String> uploadIds(ListMultipartUploadsResponse response) {
        return response.uploads().stream().map(MultipartUpload::uploadId).toList();
    }
}
