package dev.cubby.e2e;

import static dev.cubby.e2e.MultipartParts.MIN_PART;
import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;

/**
 * CopyObject within and across buckets, its metadata directive, its copy-source conditions and
 * errors, and UploadPartCopy with a byte range: the copies are plain files with the source's bytes.
 * A copy source naming a version copies only the one version Cubby keeps, "null".
 */
class CopyObjectTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    private static final byte[] BODY = FixtureTree.seeded(100_000, 401);
    private static final String BOGUS_VERSION = "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY";
    private static final Map<String, String> SOURCE_METADATA = Map.of("camera", "x100", "album", "Summer 2024");

    private final S3Client s3 = server.client();

    @Test
    void copyWithinABucketCopiesBytesEtagAndMetadata() throws IOException {
        String bucket = server.newBucket("copy");
        putSource(bucket, "src.bin");

        CopyObjectResponse copy = s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src.bin")
                .destinationBucket(bucket).destinationKey("copies/dst.bin"));

        assertEquals(Digests.etag(BODY), copy.copyObjectResult().eTag());
        assertArrayEquals(BODY, Files.readAllBytes(server.file(bucket, "copies/dst.bin")));
        assertArrayEquals(BODY, Files.readAllBytes(server.file(bucket, "src.bin")), "the source stays");
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("copies/dst.bin"));
        assertEquals(Digests.etag(BODY), head.eTag());
        assertEquals("application/x-cubby-source", head.contentType());
        assertEquals(SOURCE_METADATA, head.metadata());
    }

    @Test
    void copyAcrossBucketsCopiesBytesAndMetadata() throws IOException {
        String from = server.newBucket("from");
        String to = server.newBucket("to");
        putSource(from, "a/src.bin");

        CopyObjectResponse copy = s3.copyObject(b -> b.sourceBucket(from).sourceKey("a/src.bin")
                .destinationBucket(to).destinationKey("b/dst.bin"));

        assertEquals(Digests.etag(BODY), copy.copyObjectResult().eTag());
        assertArrayEquals(BODY, Files.readAllBytes(server.file(to, "b/dst.bin")));
        HeadObjectResponse head = s3.headObject(b -> b.bucket(to).key("b/dst.bin"));
        assertEquals(SOURCE_METADATA, head.metadata());
        assertEquals("application/x-cubby-source", head.contentType());
    }

    @Test
    void replaceDirectiveSetsTheRequestsMetadataOnTheCopy() throws IOException {
        String bucket = server.newBucket("replace");
        putSource(bucket, "src.bin");

        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src.bin").destinationBucket(bucket).destinationKey("dst.bin")
                .metadataDirective(MetadataDirective.REPLACE).contentType("text/x-new").metadata(Map.of("fresh", "yes")));

        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("dst.bin"));
        assertEquals(Map.of("fresh", "yes"), head.metadata());
        assertEquals("text/x-new", head.contentType());
        assertArrayEquals(BODY, Files.readAllBytes(server.file(bucket, "dst.bin")));
        assertEquals(SOURCE_METADATA, s3.headObject(b -> b.bucket(bucket).key("src.bin")).metadata());
    }

    @Test
    void copyOntoItselfWithReplaceChangesOnlyTheMetadata() throws IOException {
        String bucket = server.newBucket("self");
        putSource(bucket, "self.bin");

        CopyObjectResponse copy = s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("self.bin")
                .destinationBucket(bucket).destinationKey("self.bin")
                .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("rev", "2")));

        assertEquals(Digests.etag(BODY), copy.copyObjectResult().eTag());
        assertArrayEquals(BODY, Files.readAllBytes(server.file(bucket, "self.bin")));
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("self.bin"));
        assertEquals(Digests.etag(BODY), head.eTag());
        assertEquals(Map.of("rev", "2"), head.metadata());
    }

    @Test
    void copyOntoItselfWithoutReplaceAnswersInvalidRequest() throws IOException {
        String bucket = server.newBucket("self");
        putSource(bucket, "self.bin");
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(400, "InvalidRequest", () -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("self.bin")
                .destinationBucket(bucket).destinationKey("self.bin")));

        assertEquals(before, TreeSnapshot.of(server.base()));
        assertEquals(SOURCE_METADATA, s3.headObject(b -> b.bucket(bucket).key("self.bin")).metadata());
    }

    @Test
    void failedCopySourceConditionsAnswerPreconditionFailedAndWriteNothing() throws IOException {
        String bucket = server.newBucket("cond");
        putSource(bucket, "src.bin");
        Instant modified = s3.headObject(b -> b.bucket(bucket).key("src.bin")).lastModified();
        Duration hour = Duration.ofHours(1);
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertPreconditionFailed(() -> copy(bucket, b -> b.copySourceIfMatch("\"0123456789abcdef0123456789abcdef\"")));
        assertPreconditionFailed(() -> copy(bucket, b -> b.copySourceIfNoneMatch(Digests.etag(BODY))));
        assertPreconditionFailed(() -> copy(bucket, b -> b.copySourceIfModifiedSince(modified.plus(hour))));
        assertPreconditionFailed(() -> copy(bucket, b -> b.copySourceIfUnmodifiedSince(modified.minus(hour))));

        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @Test
    void satisfiedCopySourceConditionsCopy() throws IOException {
        String bucket = server.newBucket("cond");
        putSource(bucket, "src.bin");
        Instant modified = s3.headObject(b -> b.bucket(bucket).key("src.bin")).lastModified();

        copy(bucket, b -> b.copySourceIfMatch(Digests.etag(BODY)).copySourceIfUnmodifiedSince(modified.plusSeconds(60)));
        copy(bucket, b -> b.copySourceIfNoneMatch("\"0123456789abcdef0123456789abcdef\"")
                .copySourceIfModifiedSince(modified.minusSeconds(3600)));

        assertArrayEquals(BODY, Files.readAllBytes(server.file(bucket, "dst.bin")));
    }

    @Test
    void missingSourceAnswersNoSuchKeyAndWritesNothing() throws IOException {
        String bucket = server.newBucket("missing");
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(404, "NoSuchKey", () -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("nope.bin")
                .destinationBucket(bucket).destinationKey("dst.bin")));

        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @Test
    void copySourceWithAnEncodedKeyOfSpacesAndNonAsciiLetters() throws IOException {
        String bucket = server.newBucket("names");
        String key = "Ordner mit Leerzeichen/Grüße ✓ 東京.bin";
        putSource(bucket, key);

        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket).destinationKey("sdk copy.bin"));
        RawResponse raw = server.sendSigned(server.request("PUT", "/" + bucket + "/" + SigV4.encode("raw cöpy.bin", false))
                .withHeader("x-amz-copy-source", "/" + bucket + "/" + SigV4.encode(key, false)).withBody(new byte[0]));

        assertEquals(200, raw.status(), raw::toString);
        assertEquals(Digests.etag(BODY), Xml.text(raw.xml(), "ETag"));
        assertArrayEquals(BODY, Files.readAllBytes(server.file(bucket, "sdk copy.bin")));
        assertArrayEquals(BODY, Files.readAllBytes(server.file(bucket, "raw cöpy.bin")));
    }

    @Test
    void uploadPartCopyWithRangesAssemblesTheSourceSlices() throws IOException {
        String bucket = server.newBucket("partcopy");
        byte[] source = FixtureTree.seeded(MIN_PART + MIN_PART / 2 + 3, 402);
        s3.putObject(b -> b.bucket(bucket).key("source.bin"), RequestBody.fromBytes(source));
        byte[] first = Arrays.copyOfRange(source, 0, MIN_PART);
        byte[] second = Arrays.copyOfRange(source, MIN_PART, source.length);
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("assembled.bin")).uploadId();

        String etag1 = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("source.bin").destinationBucket(bucket)
                .destinationKey("assembled.bin").uploadId(id).partNumber(1)
                .copySourceRange("bytes=0-" + (MIN_PART - 1))).copyPartResult().eTag();
        String etag2 = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("source.bin").destinationBucket(bucket)
                .destinationKey("assembled.bin").uploadId(id).partNumber(2)
                .copySourceRange("bytes=" + MIN_PART + "-" + (source.length - 1))).copyPartResult().eTag();

        assertEquals(Digests.etag(first), etag1);
        assertEquals(Digests.etag(second), etag2);
        String etag = s3.completeMultipartUpload(b -> b.bucket(bucket).key("assembled.bin").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                        CompletedPart.builder().partNumber(2).eTag(etag2).build()))).eTag();
        assertEquals(MultipartParts.etag(List.of(first, second)), etag);
        assertArrayEquals(source, Files.readAllBytes(server.file(bucket, "assembled.bin")));
    }

    @Test
    void copySourceNamingTheNullVersionCopiesAndNamesIt() throws IOException {
        String bucket = server.newBucket("nullsource");
        putSource(bucket, "src.bin");

        CopyObjectResponse named = s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src.bin").sourceVersionId("null")
                .destinationBucket(bucket).destinationKey("named.bin"));
        CopyObjectResponse unnamed = s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src.bin")
                .destinationBucket(bucket).destinationKey("unnamed.bin"));

        assertEquals("null", named.copySourceVersionId());
        assertNull(unnamed.copySourceVersionId(), "no version named, none answered");
        assertEquals(Digests.etag(BODY), named.copyObjectResult().eTag());
        assertArrayEquals(BODY, Files.readAllBytes(server.file(bucket, "named.bin")));
    }

    @Test
    void copySourceNamingAnyOtherVersionIsRefusedAndWritesNothing() throws IOException {
        String bucket = server.newBucket("badsource");
        putSource(bucket, "src.bin");
        s3.putObject(b -> b.bucket(bucket).key("dst.bin"), RequestBody.fromString("the destination before"));
        TreeSnapshot before = TreeSnapshot.of(server.base());

        S3Exception refused = assertS3Error(400, "InvalidArgument", () -> s3.copyObject(b -> b.sourceBucket(bucket)
                .sourceKey("src.bin").sourceVersionId(BOGUS_VERSION).destinationBucket(bucket).destinationKey("dst.bin")));
        RawResponse empty = server.sendSigned(rawCopy(bucket, "/" + bucket + "/src.bin?versionId="));
        RawResponse otherQuery = server.sendSigned(rawCopy(bucket, "/" + bucket + "/src.bin?partNumber=1"));

        assertTrue(refused.awsErrorDetails().errorMessage().startsWith("Invalid version id specified"),
                refused.awsErrorDetails().errorMessage());
        S3Assert.assertS3Error(empty, 400, "InvalidArgument");
        S3Assert.assertS3Error(otherQuery, 400, "InvalidArgument");
        assertEquals(before, TreeSnapshot.of(server.base()));
        assertEquals("the destination before", Files.readString(server.file(bucket, "dst.bin")));
    }

    @Test
    void uploadPartCopyNamingTheNullVersionCopiesAndNamesIt() throws IOException {
        String bucket = server.newBucket("partnull");
        putSource(bucket, "src.bin");
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("assembled.bin")).uploadId();

        UploadPartCopyResponse part = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("src.bin")
                .sourceVersionId("null").destinationBucket(bucket).destinationKey("assembled.bin").uploadId(id).partNumber(1));
        s3.completeMultipartUpload(b -> b.bucket(bucket).key("assembled.bin").uploadId(id)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(part.copyPartResult().eTag()).build())));

        assertEquals("null", part.copySourceVersionId());
        assertEquals(Digests.etag(BODY), part.copyPartResult().eTag());
        assertArrayEquals(BODY, Files.readAllBytes(server.file(bucket, "assembled.bin")));
    }

    @Test
    void uploadPartCopyNamingAnyOtherVersionIsRefusedAndStagesNothing() throws IOException {
        String bucket = server.newBucket("partbad");
        putSource(bucket, "src.bin");
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("assembled.bin")).uploadId();
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(400, "InvalidArgument", () -> s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("src.bin")
                .sourceVersionId(BOGUS_VERSION).destinationBucket(bucket).destinationKey("assembled.bin")
                .uploadId(id).partNumber(1)));

        assertEquals(before, TreeSnapshot.of(server.base()));
        assertEquals(List.of(), MultipartParts.stagedCopies(server.root(), BODY), "no part was staged");
        assertTrue(s3.listParts(b -> b.bucket(bucket).key("assembled.bin").uploadId(id)).parts().isEmpty());
    }

    private RawRequest rawCopy(String bucket, String copySource) {
        return server.request("PUT", "/" + bucket + "/dst.bin").withHeader("x-amz-copy-source", copySource)
                .withBody(new byte[0]);
    }

    private void putSource(String bucket, String key) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/x-cubby-source").metadata(SOURCE_METADATA),
                RequestBody.fromBytes(BODY));
    }

    private CopyObjectResponse copy(String bucket, java.util.function.Consumer<CopyObjectRequest.Builder> conditions) {
        CopyObjectRequest.Builder builder = CopyObjectRequest.builder().sourceBucket(bucket).sourceKey("src.bin")
                .destinationBucket(bucket).destinationKey("dst.bin");
        conditions.accept(builder);
        return s3.copyObject(builder.build());
    }

    private static void assertPreconditionFailed(Executable call) {
        assertS3Error(412, "PreconditionFailed", call);
    }
}
