package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * ListObjectVersions: Cubby keeps no versions, so, as in an S3 bucket that was never versioned,
 * every object is listed as its one version, "null", the latest, with no delete markers; paging,
 * prefix, delimiter and encoding follow the object listing.
 */
class ListObjectVersionsTest {
    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree().tree(Listings::writeSortedBucket);

    private final S3Client s3 = server.client();

    @Test
    void everyObjectIsItsOneNullVersionAndTheLatest() {
        ListObjectVersionsResponse listing = s3.listObjectVersions(b -> b.bucket(Listings.SORTED));

        assertEquals(Keys.sorted(Listings.SORTED_KEYS), keys(listing));
        assertEquals(List.of(), listing.deleteMarkers());
        assertFalse(listing.isTruncated());
        assertEquals(Listings.SORTED, listing.name());
        assertEquals(1000, listing.maxKeys());
        for (ObjectVersion version : listing.versions()) {
            assertEquals("null", version.versionId(), version.key());
            assertTrue(version.isLatest(), version.key());
            assertEquals("STANDARD", version.storageClassAsString());
            assertNotNull(version.owner());
            assertEquals(version.key().getBytes(StandardCharsets.UTF_8).length, version.size());
            assertEquals(FixtureTree.MTIME, version.lastModified());
        }
    }

    @Test
    void aFileWrittenIntoTheTreeIsListedWithItsMd5() throws IOException {
        String bucket = server.newBucket("versions");
        byte[] bytes = FixtureTree.seeded(2_000, 5);
        Files.write(Files.createDirectories(server.root().resolve(bucket).resolve("smb")).resolve("dropped.bin"), bytes);

        ObjectVersion before = s3.listObjectVersions(b -> b.bucket(bucket)).versions().getFirst();
        s3.headObject(b -> b.bucket(bucket).key("smb/dropped.bin"));
        ObjectVersion after = s3.listObjectVersions(b -> b.bucket(bucket)).versions().getFirst();

        assertEquals("smb/dropped.bin", after.key());
        assertTrue(before.eTag().equals(Digests.etag(bytes)) || before.eTag().matches("\"[0-9a-f]{32}-1\""),
                "a listing never hashes: the MD5 or the placeholder, " + before.eTag());
        assertEquals(Digests.etag(bytes), after.eTag(), "once known, the MD5");
        assertEquals(bytes.length, after.size());
        assertTrue(after.checksumAlgorithm().isEmpty(), "a file written outside Cubby has no stored checksum");
    }

    @Test
    void anObjectPutOverS3IsListedWithItsEtagAndChecksumAlgorithm() throws IOException {
        String bucket = server.newBucket("versions");
        s3.putObject(b -> b.bucket(bucket).key("put.txt"), RequestBody.fromString("put over S3"));

        ObjectVersion version = s3.listObjectVersions(b -> b.bucket(bucket)).versions().getFirst();

        assertEquals(Digests.etag("put over S3".getBytes(StandardCharsets.UTF_8)), version.eTag());
        assertEquals(1, version.checksumAlgorithm().size(), "the SDK's default checksum is kept: "
                + version.checksumAlgorithmAsStrings());
    }

    @Test
    void maxKeysPagesAcrossFoldersWithKeyAndVersionIdMarkers() {
        List<ListObjectVersionsResponse> pages = Listings.pagesVersions(s3,
                ListObjectVersionsRequest.builder().bucket(Listings.SORTED).maxKeys(3).build());

        assertEquals(Keys.sorted(Listings.SORTED_KEYS), Listings.entriesVersions(pages));
        assertEquals(4, pages.size());
        for (ListObjectVersionsResponse page : pages.subList(0, 3)) {
            assertEquals(3, page.versions().size());
            assertTrue(page.isTruncated());
            assertEquals(page.versions().getLast().key(), page.nextKeyMarker());
            assertEquals("null", page.nextVersionIdMarker());
        }
        assertEquals(List.of("a/b/d", "a/b/e f", "a/c"), keys(pages.get(1)), "the second page crosses folders");
        assertEquals("a.txt", pages.get(1).keyMarker());
        assertEquals("null", pages.get(1).versionIdMarker());
        assertNull(pages.getLast().nextKeyMarker());
        assertNull(pages.getLast().nextVersionIdMarker());
    }

    @Test
    void delimiterRollsFoldersUpIntoCommonPrefixes() {
        ListObjectVersionsResponse listing = s3.listObjectVersions(b -> b.bucket(Listings.SORTED).delimiter("/"));

        assertEquals(List.of("B", "a-b", "a.txt", "a0", "z z", "é"), keys(listing));
        assertEquals(List.of("a/", "ß/"), prefixes(listing));
        assertEquals("/", listing.delimiter());
    }

    @Test
    void commonPrefixesCountTowardsMaxKeysWhenPaging() {
        List<ListObjectVersionsResponse> pages = Listings.pagesVersions(s3,
                ListObjectVersionsRequest.builder().bucket(Listings.SORTED).delimiter("/").maxKeys(1).build());

        assertEquals(List.of("B", "a-b", "a.txt", "a/", "a0", "z z", "ß/", "é"), Listings.entriesVersions(pages));
        assertEquals(8, pages.size());
        ListObjectVersionsResponse endsOnPrefix = pages.get(3);
        assertEquals(List.of("a/"), prefixes(endsOnPrefix));
        assertEquals("a/", endsOnPrefix.nextKeyMarker());
    }

    @Test
    void prefixWithDelimiterListsOneFolderLevel() {
        ListObjectVersionsResponse listing = s3.listObjectVersions(b -> b.bucket(Listings.SORTED).prefix("a/")
                .delimiter("/"));

        assertEquals(List.of("a/c"), keys(listing));
        assertEquals(List.of("a/b/"), prefixes(listing));
        assertEquals("a/", listing.prefix());
    }

    @Test
    void keyMarkerResumesAfterThatKeyWithOrWithoutTheNullVersionIdMarker() {
        List<String> after = List.of("a/b/d", "a/b/e f", "a/c", "a0", "z z", "ß/x", "é");

        assertEquals(after, keys(s3.listObjectVersions(b -> b.bucket(Listings.SORTED).keyMarker("a.txt"))));
        assertEquals(after, keys(s3.listObjectVersions(b -> b.bucket(Listings.SORTED).keyMarker("a.txt")
                .versionIdMarker("null"))));
        assertEquals(after, keys(s3.listObjectVersions(b -> b.bucket(Listings.SORTED).keyMarker("a/b"))),
                "key-marker need not name an existing key");
    }

    @Test
    void aVersionIdMarkerOtherThanNullOrWithoutAKeyMarkerIsRefused() {
        assertS3Error(400, "InvalidArgument", () -> s3.listObjectVersions(b -> b.bucket(Listings.SORTED)
                .keyMarker("a.txt").versionIdMarker("3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY")));
        assertS3Error(400, "InvalidArgument", () -> s3.listObjectVersions(b -> b.bucket(Listings.SORTED)
                .versionIdMarker("null")));
    }

    @Test
    void maxKeysIsCappedAt1000() {
        assertEquals(1000, s3.listObjectVersions(b -> b.bucket(Listings.SORTED).maxKeys(5000)).maxKeys());
    }

    @Test
    void eachListedVersionCanBeFetchedByItsVersionId() {
        for (ObjectVersion version : s3.listObjectVersions(b -> b.bucket(Listings.SORTED)).versions()) {
            byte[] got = s3.getObjectAsBytes(b -> b.bucket(Listings.SORTED).key(version.key())
                    .versionId(version.versionId())).asByteArray();
            assertArrayEquals(version.key().getBytes(StandardCharsets.UTF_8), got, version.key());
        }
    }

    @Test
    void encodingTypeUrlRoundTripsSpacesAndNonAsciiThroughTheSdk() {
        ListObjectVersionsResponse listing = s3.listObjectVersions(b -> b.bucket(FixtureTree.DOCS)
                .encodingType(EncodingType.URL));

        assertEquals(List.of(FixtureTree.UNICODE_KEY, FixtureTree.DEEP_KEY), keys(listing));
    }

    @Test
    void rawListingIsAListVersionsResultWithUrlEncodedKeysOnTheWire() throws IOException {
        RawResponse response = server.sendSigned(server.request("GET",
                "/" + FixtureTree.DOCS + "?versions&encoding-type=url&prefix=Gr%C3%BC"));

        assertEquals(200, response.status(), response::toString);
        Document document = response.xml();
        assertEquals("ListVersionsResult", document.getDocumentElement().getLocalName());
        assertEquals("http://s3.amazonaws.com/doc/2006-03-01/", document.getDocumentElement().getNamespaceURI());
        assertEquals("url", Xml.text(document, "EncodingType"));
        String wireKey = Xml.text(document, "Key");
        assertFalse(wireKey.contains(" ") || wireKey.contains("ü"), "encoded on the wire: " + wireKey);
        assertEquals(FixtureTree.UNICODE_KEY, URLDecoder.decode(wireKey, StandardCharsets.UTF_8));
        assertEquals("Grü", URLDecoder.decode(Xml.text(document, "Prefix"), StandardCharsets.UTF_8));
        assertEquals("", Xml.text(document, "KeyMarker"));
        assertEquals("", Xml.text(document, "VersionIdMarker"));
        assertEquals(0, Xml.elements(document, "DeleteMarker").size());
    }

    @Test
    void listingAMissingBucketAnswersNoSuchBucket() {
        assertS3Error(404, "NoSuchBucket", () -> s3.listObjectVersions(b -> b.bucket("no-such-bucket")));
    }

    private static List<String> keys(ListObjectVersionsResponse page) {
        return page.versions().stream().map(ObjectVersion::key).toList();
    }

    private static List<String> prefixes(ListObjectVersionsResponse page) {
        return page.commonPrefixes().stream().map(CommonPrefix::prefix).toList();
    }
}
