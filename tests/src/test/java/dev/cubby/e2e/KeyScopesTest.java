package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;

/**
 * Every grant shape against every S3 operation Cubby serves, with keys made by the real
 * {@code cubby keys create} and requests from the AWS SDK: allowed operations succeed, refused
 * ones answer 403 AccessDenied. Object operations run on a key inside the granted prefix
 * ({@value #IN}) and one outside ({@value #OUT}); copies on every source/target pair.
 */
class KeyScopesTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty().tree(root -> {
        Files.createDirectories(root.resolve("photos/granted/sub"));
        Files.createDirectories(root.resolve("photos/free"));
        Files.createDirectories(root.resolve("other"));
        Files.writeString(root.resolve("photos/granted/sub/c.txt"), "c");
        Files.writeString(root.resolve("photos/top.txt"), "top");
        Files.writeString(root.resolve("other/o.txt"), "o");
    });

    static final String BUCKET = "photos";
    static final String IN = "granted/a.txt";
    static final String OUT = "free/b.txt";

    /** What a grant allows on bucket photos: objects inside and outside granted/, and the bucket itself. */
    record Shape(String name, String grant, boolean readIn, boolean writeIn, boolean readOut, boolean writeOut,
                 boolean bucketRead, boolean bucketWrite) {
        boolean reads(String key) {
            return key.equals(IN) ? readIn : readOut;
        }

        boolean writes(String key) {
            return key.equals(IN) ? writeIn : writeOut;
        }
    }

    static final List<Shape> SHAPES = List.of(
            new Shape("bucket-ro", "photos:ro", true, false, true, false, true, false),
            new Shape("bucket-rw", "photos:rw", true, true, true, true, true, true),
            new Shape("prefix-ro", "photos/granted/:ro", true, false, false, false, true, false),
            new Shape("prefix-rw", "photos/granted/:rw", true, true, false, false, true, true),
            new Shape("all-buckets", "*:rw", true, true, true, true, true, true),
            new Shape("other-bucket", "other:rw", false, false, false, false, false, false));

    enum Needs { OBJECT_READ, OBJECT_WRITE, BUCKET_READ, BUCKET_WRITE, OWNER, ANY_KEY }

    @FunctionalInterface
    interface Call {
        void run(S3Client keyed, S3Client admin, String key) throws Exception;
    }

    record Op(String s3Name, Needs needs, Call call) {
    }

    static final Map<Shape, S3Client> clients = new LinkedHashMap<>();

    @BeforeAll
    static void keys() throws Exception {
        for (Shape shape : SHAPES) {
            var key = CubbyCli.createKey(server.state(), shape.name(), List.of(shape.grant()));
            clients.put(shape, server.client(b -> b.credentialsProvider(
                    TestServer.credentials(key.accessKeyId(), key.secret()))));
        }
    }

    private static String upload(S3Client admin, String key) {
        return admin.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
    }

    /** Every row of the operation table, except CopyObject and UploadPartCopy (see {@link #copies}). */
    static List<Op> operations() {
        var tag = Tagging.builder().tagSet(Tag.builder().key("k").value("v").build()).build();
        return List.of(
                new Op("GetObject", Needs.OBJECT_READ, (c, a, k) -> c.getObjectAsBytes(b -> b.bucket(BUCKET).key(k))),
                new Op("HeadObject", Needs.OBJECT_READ, (c, a, k) -> c.headObject(b -> b.bucket(BUCKET).key(k))),
                new Op("GetObjectAttributes", Needs.OBJECT_READ, (c, a, k) -> c.getObjectAttributes(b -> b
                        .bucket(BUCKET).key(k).objectAttributes(ObjectAttributes.E_TAG))),
                new Op("GetObjectAcl", Needs.OBJECT_READ, (c, a, k) -> c.getObjectAcl(b -> b.bucket(BUCKET).key(k))),
                new Op("GetObjectTagging", Needs.OBJECT_READ,
                        (c, a, k) -> c.getObjectTagging(b -> b.bucket(BUCKET).key(k))),
                new Op("ListParts", Needs.OBJECT_READ, (c, a, k) -> {
                    String id = upload(a, k);
                    c.listParts(b -> b.bucket(BUCKET).key(k).uploadId(id));
                }),
                new Op("PutObject", Needs.OBJECT_WRITE,
                        (c, a, k) -> c.putObject(b -> b.bucket(BUCKET).key(k), RequestBody.fromString("new"))),
                new Op("DeleteObject", Needs.OBJECT_WRITE, (c, a, k) -> c.deleteObject(b -> b.bucket(BUCKET).key(k))),
                new Op("PutObjectAcl", Needs.OBJECT_WRITE, (c, a, k) -> c.putObjectAcl(b -> b.bucket(BUCKET).key(k)
                        .acl(ObjectCannedACL.PRIVATE))),
                new Op("PutObjectTagging", Needs.OBJECT_WRITE,
                        (c, a, k) -> c.putObjectTagging(b -> b.bucket(BUCKET).key(k).tagging(tag))),
                new Op("DeleteObjectTagging", Needs.OBJECT_WRITE,
                        (c, a, k) -> c.deleteObjectTagging(b -> b.bucket(BUCKET).key(k))),
                new Op("CreateMultipartUpload", Needs.OBJECT_WRITE, (c, a, k) -> {
                    String id = c.createMultipartUpload(b -> b.bucket(BUCKET).key(k)).uploadId();
                    a.abortMultipartUpload(b -> b.bucket(BUCKET).key(k).uploadId(id));
                }),
                new Op("UploadPart", Needs.OBJECT_WRITE, (c, a, k) -> {
                    String id = upload(a, k);
                    c.uploadPart(b -> b.bucket(BUCKET).key(k).uploadId(id).partNumber(1),
                            RequestBody.fromString("part"));
                }),
                new Op("CompleteMultipartUpload", Needs.OBJECT_WRITE, (c, a, k) -> {
                    String id = upload(a, k);
                    String etag = a.uploadPart(b -> b.bucket(BUCKET).key(k).uploadId(id).partNumber(1),
                            RequestBody.fromString("part")).eTag();
                    c.completeMultipartUpload(b -> b.bucket(BUCKET).key(k).uploadId(id).multipartUpload(
                            CompletedMultipartUpload.builder().parts(CompletedPart.builder().partNumber(1).eTag(etag)
                                    .build()).build()));
                }),
                new Op("AbortMultipartUpload", Needs.OBJECT_WRITE, (c, a, k) -> {
                    String id = upload(a, k);
                    c.abortMultipartUpload(b -> b.bucket(BUCKET).key(k).uploadId(id));
                }),
                new Op("HeadBucket", Needs.BUCKET_READ, (c, a, k) -> c.headBucket(b -> b.bucket(BUCKET))),
                new Op("GetBucketLocation", Needs.BUCKET_READ, (c, a, k) -> c.getBucketLocation(b -> b.bucket(BUCKET))),
                new Op("GetBucketVersioning", Needs.BUCKET_READ,
                        (c, a, k) -> c.getBucketVersioning(b -> b.bucket(BUCKET))),
                new Op("ListObjectsV2", Needs.BUCKET_READ, (c, a, k) -> c.listObjectsV2(b -> b.bucket(BUCKET))),
                new Op("ListObjects", Needs.BUCKET_READ, (c, a, k) -> c.listObjects(b -> b.bucket(BUCKET))),
                new Op("ListObjectVersions", Needs.BUCKET_READ,
                        (c, a, k) -> c.listObjectVersions(b -> b.bucket(BUCKET))),
                new Op("GetBucketAcl", Needs.BUCKET_READ, (c, a, k) -> c.getBucketAcl(b -> b.bucket(BUCKET))),
                new Op("ListMultipartUploads", Needs.BUCKET_READ,
                        (c, a, k) -> c.listMultipartUploads(b -> b.bucket(BUCKET))),
                new Op("PutBucketAcl", Needs.BUCKET_WRITE,
                        (c, a, k) -> c.putBucketAcl(b -> b.bucket(BUCKET).acl(software.amazon.awssdk.services.s3.model
                                .BucketCannedACL.PRIVATE))),
                new Op("DeleteObjects", Needs.BUCKET_WRITE, (c, a, k) -> c.deleteObjects(b -> b.bucket(BUCKET)
                        .delete(Delete.builder().objects(ObjectIdentifier.builder().key(k).build()).build()))),
                new Op("CreateBucket", Needs.OWNER, (c, a, k) -> c.createBucket(b -> b.bucket("made-by-key"))),
                new Op("DeleteBucket", Needs.OWNER, (c, a, k) -> c.deleteBucket(b -> b.bucket("other"))),
                new Op("ListBuckets", Needs.ANY_KEY, (c, a, k) -> c.listBuckets()));
    }

    private static void resetObjects() {
        for (String key : List.of(IN, OUT)) {
            server.client().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("content of " + key));
        }
    }

    private static boolean expected(Shape shape, Needs needs, String key) {
        return switch (needs) {
            case OBJECT_READ -> shape.reads(key);
            case OBJECT_WRITE -> shape.writes(key);
            case BUCKET_READ -> shape.bucketRead();
            case BUCKET_WRITE -> shape.bucketWrite();
            case OWNER -> false;
            case ANY_KEY -> true;
        };
    }

    private static void assertOutcome(boolean allowed, String what, Executable call) {
        try {
            call.run();
            assertTrue(allowed, what + " was allowed but should be refused");
        } catch (S3Exception e) {
            if (allowed) {
                throw new AssertionError(what + " was refused but should be allowed: " + e.getMessage(), e);
            }
            assertEquals(403, e.statusCode(), what + ": " + e.getMessage());
            if (e.awsErrorDetails().errorCode() != null) {
                assertEquals("AccessDenied", e.awsErrorDetails().errorCode(), what);
            }
        } catch (Exception e) {
            throw new AssertionError(what + " failed: " + e, e);
        }
    }

    @FunctionalInterface
    interface Executable {
        void run() throws Exception;
    }

    @TestFactory
    List<DynamicTest> everyGrantShapeAgainstEveryOperation() {
        var tests = new ArrayList<DynamicTest>();
        var covered = new HashSet<String>();
        for (Shape shape : SHAPES) {
            for (Op op : operations()) {
                covered.add(op.s3Name());
                boolean perObject = op.needs() == Needs.OBJECT_READ || op.needs() == Needs.OBJECT_WRITE
                        || op.s3Name().equals("DeleteObjects");
                for (String key : perObject ? List.of(IN, OUT) : List.of(IN)) {
                    String what = shape.name() + " " + op.s3Name() + (perObject ? " " + key : "");
                    tests.add(dynamicTest(what, () -> {
                        resetObjects();
                        S3Client keyed = clients.get(shape);
                        if (op.s3Name().equals("DeleteObjects") && shape.bucketWrite()) {
                            var result = keyed.deleteObjects(b -> b.bucket(BUCKET).delete(Delete.builder()
                                    .objects(ObjectIdentifier.builder().key(key).build()).build()));
                            boolean deleted = result.errors().isEmpty();
                            assertEquals(shape.writes(key), deleted, what + ": " + result.errors());
                            if (!deleted) {
                                assertEquals("AccessDenied", result.errors().getFirst().code(), what);
                            }
                            return;
                        }
                        assertOutcome(expected(shape, op.needs(), key), what,
                                () -> op.call().run(keyed, server.client(), key));
                    }));
                }
            }
            for (String source : List.of(IN, OUT)) {
                for (String target : List.of(IN, OUT)) {
                    boolean allowed = shape.reads(source) && shape.writes(target);
                    String what = shape.name() + " copy " + source + " -> " + target;
                    tests.add(dynamicTest("CopyObject " + what, () -> {
                        resetObjects();
                        assertOutcome(allowed, "CopyObject " + what, () -> clients.get(shape).copyObject(b -> b
                                .sourceBucket(BUCKET).sourceKey(source).destinationBucket(BUCKET)
                                .destinationKey(target).metadataDirective("REPLACE")));
                    }));
                    tests.add(dynamicTest("UploadPartCopy " + what, () -> {
                        resetObjects();
                        String id = upload(server.client(), target);
                        assertOutcome(allowed, "UploadPartCopy " + what, () -> clients.get(shape).uploadPartCopy(b -> b
                                .sourceBucket(BUCKET).sourceKey(source).destinationBucket(BUCKET)
                                .destinationKey(target).uploadId(id).partNumber(1)));
                    }));
                }
            }
        }
        covered.addAll(List.of("CopyObject", "UploadPartCopy"));
        assertEquals(30, covered.size(), "every row of s3/Operation is exercised: " + covered);
        return tests;
    }

    @Test
    void deleteObjectsDeletesTheAllowedKeysAndRefusesTheOthersOneByOne() {
        resetObjects();
        S3Client prefixRw = clients.get(SHAPES.get(3));
        var result = prefixRw.deleteObjects(b -> b.bucket(BUCKET).delete(Delete.builder().objects(
                ObjectIdentifier.builder().key(IN).build(), ObjectIdentifier.builder().key(OUT).build()).build()));
        assertEquals(List.of(IN), result.deleted().stream().map(d -> d.key()).toList());
        assertEquals(List.of(OUT), result.errors().stream().map(e -> e.key()).toList());
        assertEquals("AccessDenied", result.errors().getFirst().code());
        assertFalse(Files.exists(server.file(BUCKET, IN)));
        assertTrue(Files.exists(server.file(BUCKET, OUT)), "the refused key stays");
    }

    @Test
    void listBucketsShowsOnlyTheBucketsAKeyHasAGrantIn() {
        Map<String, List<String>> expected = Map.of("bucket-ro", List.of("photos"), "prefix-rw", List.of("photos"),
                "all-buckets", List.of("other", "photos"), "other-bucket", List.of("other"));
        for (Shape shape : SHAPES) {
            if (expected.containsKey(shape.name())) {
                assertEquals(expected.get(shape.name()), clients.get(shape).listBuckets().buckets().stream()
                        .map(Bucket::name).toList(), shape.name());
            }
        }
    }

    @Test
    void listingsShowOnlyTheGrantedPrefixWithAndWithoutDelimiterAndAcrossPages() {
        resetObjects();
        S3Client prefixRo = clients.get(SHAPES.get(2));
        assertEquals(List.of(IN, "granted/sub/c.txt"), keys(prefixRo.listObjectsV2(b -> b.bucket(BUCKET))));
        var top = prefixRo.listObjectsV2(b -> b.bucket(BUCKET).delimiter("/"));
        assertEquals(List.of(), keys(top));
        assertEquals(List.of("granted/"), top.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
        var inside = prefixRo.listObjectsV2(b -> b.bucket(BUCKET).prefix("granted/").delimiter("/"));
        assertEquals(List.of(IN), keys(inside));
        assertEquals(List.of("granted/sub/"), inside.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
        assertEquals(List.of(), keys(prefixRo.listObjectsV2(b -> b.bucket(BUCKET).prefix("free/"))));
        var paged = new ArrayList<String>();
        prefixRo.listObjectsV2Paginator(b -> b.bucket(BUCKET).maxKeys(1)).forEach(page -> {
            assertEquals(1, page.contents().size(), "pages stay full");
            paged.addAll(keys(page));
        });
        assertEquals(List.of(IN, "granted/sub/c.txt"), paged);
        var v1 = prefixRo.listObjects(b -> b.bucket(BUCKET));
        assertEquals(List.of(IN, "granted/sub/c.txt"), v1.contents().stream().map(S3Object::key).toList());
        assertEquals(Set.of(IN, OUT, "granted/sub/c.txt", "top.txt"),
                new HashSet<>(keys(clients.get(SHAPES.get(0)).listObjectsV2(b -> b.bucket(BUCKET)))));
    }

    @Test
    void listMultipartUploadsShowsOnlyUploadsUnderTheGrant() {
        String inside = upload(server.client(), IN);
        String outside = upload(server.client(), OUT);
        try {
            var uploads = clients.get(SHAPES.get(2)).listMultipartUploads(b -> b.bucket(BUCKET)).uploads();
            assertEquals(List.of(IN), uploads.stream().map(u -> u.key()).distinct().toList());
        } finally {
            server.client().abortMultipartUpload(b -> b.bucket(BUCKET).key(IN).uploadId(inside));
            server.client().abortMultipartUpload(b -> b.bucket(BUCKET).key(OUT).uploadId(outside));
        }
    }

    @Test
    void aKeyForAnotherBucketWorksThere() {
        S3Client otherRw = clients.get(SHAPES.get(5));
        otherRw.putObject(b -> b.bucket("other").key("new.txt"), RequestBody.fromString("n"));
        assertEquals("n", otherRw.getObjectAsBytes(b -> b.bucket("other").key("new.txt")).asUtf8String());
    }

    private static List<String> keys(ListObjectsV2Response page) {
        return page.contents().stream().map(S3Object::key).toList();
    }
}
