package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static dev.cubby.e2e.S3Assert.assertS3Status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;

/**
 * ListBuckets, CreateBucket, DeleteBucket, HeadBucket, GetBucketLocation and GetBucketVersioning
 * over the top-level folders of the root.
 */
class BucketTest {
    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree();

    private final S3Client s3 = server.client();

    @Test
    void listBucketsPagesByMaxBucketsAndContinuationTokenWithinAPrefix() {
        for (String name : List.of("paged-a", "paged-b", "paged-c")) {
            s3.createBucket(b -> b.bucket(name));
        }

        ListBucketsResponse first = s3.listBuckets(b -> b.prefix("paged-").maxBuckets(2));
        assertEquals(List.of("paged-a", "paged-b"), first.buckets().stream().map(Bucket::name).toList());
        assertEquals("paged-", first.prefix());
        ListBucketsResponse rest = s3.listBuckets(b -> b.prefix("paged-").maxBuckets(2)
                .continuationToken(first.continuationToken()));
        assertEquals(List.of("paged-c"), rest.buckets().stream().map(Bucket::name).toList());
        assertNull(rest.continuationToken(), "the last page has no token");
        assertS3Error(400, "InvalidArgument", () -> s3.listBuckets(b -> b.maxBuckets(0)));
    }

    @Test
    void listBucketsShowsTopLevelFoldersWithValidNamesOnly() {
        ListBucketsResponse listing = s3.listBuckets();
        List<String> names = listing.buckets().stream().map(Bucket::name).toList();

        assertTrue(names.containsAll(List.of(FixtureTree.DOCS, FixtureTree.PHOTOS)), names.toString());
        assertFalse(names.contains(".cubby"), "the internal folder is never a bucket");
        assertFalse(names.contains(FixtureTree.NOT_A_BUCKET_FOLDER), "an invalid name is not a bucket");
        assertFalse(names.contains(FixtureTree.LOOSE_FILE), "a file is not a bucket");
        assertEquals(Keys.sorted(names), names, "buckets are listed by name");
        assertNotNull(listing.owner());
        listing.buckets().forEach(bucket -> assertNotNull(bucket.creationDate(), bucket.name()));
    }

    @Test
    void createBucketMakesAFolder() {
        s3.createBucket(b -> b.bucket("made-by-s3"));

        assertTrue(Files.isDirectory(server.root().resolve("made-by-s3")));
        assertTrue(s3.listBuckets().buckets().stream().anyMatch(bucket -> bucket.name().equals("made-by-s3")));
        assertEquals(200, s3.headBucket(b -> b.bucket("made-by-s3")).sdkHttpResponse().statusCode());
    }

    @Test
    void createOfAnExistingBucketAnswersBucketAlreadyOwnedByYouAndKeepsItsFiles() {
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(409, "BucketAlreadyOwnedByYou", () -> s3.createBucket(b -> b.bucket(FixtureTree.PHOTOS)));

        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Bad_Name", "UPPERCASE", "-leading-dash", "trailing-dash-", "double..dot",
        "192.168.1.1", "sixty-four-characters-are-one-too-many-for-a-bucket-name-xxxxxxx"})
    void createWithAnInvalidNameAnswersInvalidBucketNameAndMakesNoFolder(String name) throws IOException {
        TreeSnapshot before = TreeSnapshot.of(server.base());

        RawResponse response = server.sendSigned(server.request("PUT", "/" + name));

        S3Assert.assertS3Error(response, 400, "InvalidBucketName");
        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @Test
    void headBucketAnswers200ForAFolderAnd404Otherwise() {
        assertEquals(200, s3.headBucket(b -> b.bucket(FixtureTree.DOCS)).sdkHttpResponse().statusCode());
        assertS3Status(404, () -> s3.headBucket(b -> b.bucket("no-such-bucket")));
    }

    @Test
    void deleteOfAnEmptyBucketRemovesItsFolder() throws IOException {
        Files.createDirectory(server.root().resolve("empty-bucket"));

        assertEquals(204, s3.deleteBucket(b -> b.bucket("empty-bucket")).sdkHttpResponse().statusCode());

        assertFalse(Files.exists(server.root().resolve("empty-bucket")));
        assertS3Status(404, () -> s3.headBucket(b -> b.bucket("empty-bucket")));
    }

    @Test
    void deleteOfANonEmptyBucketAnswersBucketNotEmptyAndKeepsItsFiles() {
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(409, "BucketNotEmpty", () -> s3.deleteBucket(b -> b.bucket(FixtureTree.DOCS)));

        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @Test
    void bucketHoldingOnlyAnEmptyUserFolderIsNotEmpty() throws IOException {
        Files.createDirectories(server.root().resolve("holds-a-folder").resolve("sub"));

        assertS3Error(409, "BucketNotEmpty", () -> s3.deleteBucket(b -> b.bucket("holds-a-folder")));

        assertTrue(Files.isDirectory(server.root().resolve("holds-a-folder").resolve("sub")));
    }

    @Test
    void deleteOfAMissingBucketAnswersNoSuchBucket() {
        assertS3Error(404, "NoSuchBucket", () -> s3.deleteBucket(b -> b.bucket("no-such-bucket")));
    }

    @Test
    void bucketLocationIsTheDefaultRegionWrittenAsAnEmptyConstraint() throws IOException {
        RawResponse response = server.sendSigned(server.request("GET", "/" + FixtureTree.PHOTOS + "?location"));

        assertEquals(200, response.status(), response::toString);
        Document document = response.xml();
        assertEquals("LocationConstraint", document.getDocumentElement().getLocalName());
        assertEquals("", document.getDocumentElement().getTextContent());
        String sdkLocation = s3.getBucketLocation(b -> b.bucket(FixtureTree.PHOTOS)).locationConstraintAsString();
        assertTrue(sdkLocation == null || sdkLocation.isEmpty(), "us-east-1 has no constraint: " + sdkLocation);
    }

    @Test
    void bucketLocationOfAMissingBucketAnswersNoSuchBucket() {
        assertS3Error(404, "NoSuchBucket", () -> s3.getBucketLocation(b -> b.bucket("no-such-bucket")));
    }

    @Test
    void versioningIsNeverEnabled() throws IOException {
        assertNull(s3.getBucketVersioning(b -> b.bucket(FixtureTree.PHOTOS)).status());

        RawResponse response = server.sendSigned(server.request("GET", "/" + FixtureTree.PHOTOS + "?versioning"));
        assertEquals(200, response.status(), response::toString);
        Document document = response.xml();
        assertEquals("VersioningConfiguration", document.getDocumentElement().getLocalName());
        assertEquals(List.of(), Xml.childNames(document.getDocumentElement()));
    }
}
