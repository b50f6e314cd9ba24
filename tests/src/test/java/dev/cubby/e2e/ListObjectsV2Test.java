package dev.cubby.e2e;

import static dev.cubby.e2e.Listings.keys;
import static dev.cubby.e2e.Listings.prefixes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * ListObjectsV2 over a tree that already held files: order, prefix, delimiter, paging, owner,
 * encoding, checksum algorithms.
 */
class ListObjectsV2Test {
    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree().tree(Listings::writeSortedBucket);

    private final S3Client s3 = server.client();

    @Test
    void listsPreExistingFilesAndTheEmptyUserFolder() {
        ListObjectsV2Response listing = s3.listObjectsV2(b -> b.bucket(FixtureTree.PHOTOS));

        assertEquals(List.of(FixtureTree.JPG_KEY, FixtureTree.EMPTY_DIR_KEY, FixtureTree.README_KEY), keys(listing));
        assertEquals(3, listing.keyCount());
        assertFalse(listing.isTruncated());
        assertEquals(FixtureTree.PHOTOS, listing.name());
    }

    @Test
    void listedObjectsCarrySizeLastModifiedAndEtag() {
        S3Object jpg = s3.listObjectsV2(b -> b.bucket(FixtureTree.PHOTOS)).contents().getFirst();

        assertEquals(FixtureTree.JPG_KEY, jpg.key());
        assertEquals(FixtureTree.jpgBytes().length, jpg.size());
        assertEquals(FixtureTree.MTIME, jpg.lastModified());
        assertTrue(jpg.eTag().equals(Digests.etag(FixtureTree.jpgBytes())) || jpg.eTag().matches("\"[0-9a-f]+-1\""),
                "the MD5, or a placeholder while it is being computed: " + jpg.eTag());
    }

    @Test
    void anObjectWithAStoredChecksumIsListedWithItsAlgorithm() throws IOException {
        String bucket = server.newBucket("checksums");
        s3.putObject(b -> b.bucket(bucket).key("put.txt").checksumAlgorithm(ChecksumAlgorithm.SHA256),
                RequestBody.fromString("put over S3"));
        FixtureTree.put(server.root(), bucket, "smb.txt", "written over Samba".getBytes(StandardCharsets.UTF_8));

        List<S3Object> contents = s3.listObjectsV2(b -> b.bucket(bucket)).contents();

        assertEquals(List.of("put.txt", "smb.txt"), contents.stream().map(S3Object::key).toList());
        assertEquals(List.of(ChecksumAlgorithm.SHA256), contents.get(0).checksumAlgorithm());
        assertEquals(List.of(), contents.get(1).checksumAlgorithm(), "a file written outside Cubby has no stored checksum");
        RawResponse raw = server.sendSigned(server.request("GET", "/" + bucket + "?list-type=2&prefix=put"));
        assertEquals(List.of("Key", "LastModified", "ETag", "ChecksumAlgorithm", "Size", "StorageClass"),
                Xml.childNames(Xml.elements(raw.xml(), "Contents").getFirst()), "S3's element order");
    }

    @Test
    void listsNestedFoldersAndNonAsciiNames() {
        ListObjectsV2Response listing = s3.listObjectsV2(b -> b.bucket(FixtureTree.DOCS));

        assertEquals(List.of(FixtureTree.UNICODE_KEY, FixtureTree.DEEP_KEY), keys(listing));
    }

    @Test
    void keysComeInUtf8ByteOrderOfTheWholeKey() {
        ListObjectsV2Response listing = s3.listObjectsV2(b -> b.bucket(Listings.SORTED));

        assertEquals(Keys.sorted(Listings.SORTED_KEYS), keys(listing));
        assertEquals(List.of("B", "a-b", "a.txt", "a/b/d", "a/b/e f", "a/c", "a0", "z z", "ß/x", "é"), keys(listing));
    }

    @Test
    void delimiterRollsFoldersUpIntoCommonPrefixes() {
        ListObjectsV2Response listing = s3.listObjectsV2(b -> b.bucket(FixtureTree.PHOTOS).delimiter("/"));

        assertEquals(List.of(FixtureTree.README_KEY), keys(listing));
        assertEquals(List.of("2024/", "empty-dir/"), prefixes(listing));
        assertEquals(3, listing.keyCount(), "KeyCount counts keys and common prefixes");
        assertEquals("/", listing.delimiter());
    }

    @Test
    void prefixWithDelimiterListsOneFolderLevel() {
        ListObjectsV2Response docs = s3.listObjectsV2(b -> b.bucket(FixtureTree.DOCS).prefix("nested/").delimiter("/"));
        ListObjectsV2Response empty = s3.listObjectsV2(b -> b.bucket(FixtureTree.PHOTOS)
                .prefix(FixtureTree.EMPTY_DIR_KEY).delimiter("/"));

        assertEquals(List.of(), keys(docs));
        assertEquals(List.of("nested/deep/"), prefixes(docs));
        assertEquals("nested/", docs.prefix());
        assertEquals(List.of(FixtureTree.EMPTY_DIR_KEY), keys(empty));
        assertEquals(List.of(), prefixes(empty));
    }

    @Test
    void prefixMatchesPartOfAName() {
        assertEquals(List.of("a-b", "a.txt", "a/b/d", "a/b/e f", "a/c", "a0"),
                keys(s3.listObjectsV2(b -> b.bucket(Listings.SORTED).prefix("a"))));
        assertEquals(List.of(FixtureTree.DEEP_KEY), keys(s3.listObjectsV2(b -> b.bucket(FixtureTree.DOCS).prefix("nest"))));
        assertEquals(List.of(FixtureTree.JPG_KEY), keys(s3.listObjectsV2(b -> b.bucket(FixtureTree.PHOTOS).prefix("2024/a"))));
        assertEquals(List.of(FixtureTree.UNICODE_KEY),
                keys(s3.listObjectsV2(b -> b.bucket(FixtureTree.DOCS).prefix("Grüße and"))));
    }

    @Test
    void prefixMatchingNothingGivesAnEmptyListing() {
        ListObjectsV2Response listing = s3.listObjectsV2(b -> b.bucket(Listings.SORTED).prefix("nothing-here/"));

        assertEquals(List.of(), keys(listing));
        assertEquals(0, listing.keyCount());
        assertFalse(listing.isTruncated());
    }

    @Test
    void maxKeysPagesWithContinuationTokens() {
        List<ListObjectsV2Response> pages = Listings.pagesV2(s3,
                ListObjectsV2Request.builder().bucket(Listings.SORTED).maxKeys(3).build());

        assertEquals(Keys.sorted(Listings.SORTED_KEYS), Listings.entriesV2(pages));
        assertEquals(4, pages.size());
        for (ListObjectsV2Response page : pages.subList(0, 3)) {
            assertEquals(3, page.keyCount());
            assertEquals(3, page.maxKeys());
            assertTrue(page.isTruncated());
        }
        assertNull(pages.getLast().nextContinuationToken());
    }

    @Test
    void commonPrefixesCountTowardsMaxKeysWhenPaging() {
        List<ListObjectsV2Response> pages = Listings.pagesV2(s3,
                ListObjectsV2Request.builder().bucket(Listings.SORTED).delimiter("/").maxKeys(1).build());

        assertEquals(List.of("B", "a-b", "a.txt", "a/", "a0", "z z", "ß/", "é"), Listings.entriesV2(pages));
        assertEquals(8, pages.size());
    }

    @Test
    void startAfterSkipsEverythingUpToThatKey() {
        assertEquals(List.of("a/b/d", "a/b/e f", "a/c", "a0", "z z", "ß/x", "é"),
                keys(s3.listObjectsV2(b -> b.bucket(Listings.SORTED).startAfter("a.txt"))));
        assertEquals(List.of("a/b/d", "a/b/e f", "a/c", "a0", "z z", "ß/x", "é"),
                keys(s3.listObjectsV2(b -> b.bucket(Listings.SORTED).startAfter("a/b"))),
                "start-after need not name an existing key");
        assertEquals(List.of("é"), keys(s3.listObjectsV2(b -> b.bucket(Listings.SORTED).startAfter("ß/x"))));
        assertEquals("a.txt", s3.listObjectsV2(b -> b.bucket(Listings.SORTED).startAfter("a.txt")).startAfter());
    }

    @Test
    void fetchOwnerAddsTheOwnerAndItIsAbsentOtherwise() {
        S3Object withOwner = s3.listObjectsV2(b -> b.bucket(FixtureTree.PHOTOS).fetchOwner(true)).contents().getFirst();
        S3Object withoutOwner = s3.listObjectsV2(b -> b.bucket(FixtureTree.PHOTOS)).contents().getFirst();

        assertNotNull(withOwner.owner());
        assertFalse(withOwner.owner().id() == null || withOwner.owner().id().isBlank());
        assertNull(withoutOwner.owner());
    }

    @Test
    void encodingTypeUrlRoundTripsSpacesAndNonAsciiThroughTheSdk() {
        ListObjectsV2Response listing = s3.listObjectsV2(b -> b.bucket(FixtureTree.DOCS).encodingType(EncodingType.URL));

        assertEquals(List.of(FixtureTree.UNICODE_KEY, FixtureTree.DEEP_KEY), keys(listing));
    }

    @Test
    void encodingTypeUrlPercentEncodesKeysOnTheWire() throws IOException {
        RawResponse response = server.sendSigned(server.request("GET",
                "/" + FixtureTree.DOCS + "?list-type=2&encoding-type=url&prefix=Gr%C3%BC"));

        assertEquals(200, response.status(), response::toString);
        Document document = response.xml();
        assertEquals("url", Xml.text(document, "EncodingType"));
        String wireKey = Xml.text(document, "Key");
        assertFalse(wireKey.contains(" ") || wireKey.contains("ü"), "encoded on the wire: " + wireKey);
        assertEquals(FixtureTree.UNICODE_KEY, URLDecoder.decode(wireKey, StandardCharsets.UTF_8));
        assertEquals("Grü", URLDecoder.decode(Xml.text(document, "Prefix"), StandardCharsets.UTF_8));
    }

    @Test
    void rawListingIsAListBucketResultInTheS3Namespace() throws IOException {
        RawResponse response = server.sendSigned(server.request("GET", "/" + FixtureTree.PHOTOS + "?list-type=2"));

        assertEquals(200, response.status(), response::toString);
        Document document = response.xml();
        assertEquals("ListBucketResult", document.getDocumentElement().getLocalName());
        assertEquals("http://s3.amazonaws.com/doc/2006-03-01/", document.getDocumentElement().getNamespaceURI());
        assertEquals("3", Xml.text(document, "KeyCount"));
        assertEquals("1000", Xml.text(document, "MaxKeys"));
        assertEquals("false", Xml.text(document, "IsTruncated"));
    }

    @Test
    void listingAMissingBucketAnswersNoSuchBucket() {
        S3Assert.assertS3Error(404, "NoSuchBucket", () -> s3.listObjectsV2(b -> b.bucket("no-such-bucket")));
    }
}
