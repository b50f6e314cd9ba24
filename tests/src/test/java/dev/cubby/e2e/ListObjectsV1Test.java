package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** ListObjects (version 1): the same tree, paged with marker and NextMarker, with checksum algorithms. */
class ListObjectsV1Test {
    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree().tree(Listings::writeSortedBucket);

    private final S3Client s3 = server.client();

    @Test
    void listsPreExistingFilesAndTheEmptyUserFolder() {
        ListObjectsResponse listing = s3.listObjects(b -> b.bucket(FixtureTree.PHOTOS));

        assertEquals(List.of(FixtureTree.JPG_KEY, FixtureTree.EMPTY_DIR_KEY, FixtureTree.README_KEY), keys(listing));
        assertFalse(listing.isTruncated());
        assertEquals(FixtureTree.PHOTOS, listing.name());
        assertEquals(FixtureTree.jpgBytes().length, listing.contents().getFirst().size());
    }

    @Test
    void anObjectWithAStoredChecksumIsListedWithItsAlgorithm() throws IOException {
        String bucket = server.newBucket("checksums");
        s3.putObject(b -> b.bucket(bucket).key("put.txt").checksumAlgorithm(ChecksumAlgorithm.CRC32_C),
                RequestBody.fromString("put over S3"));
        FixtureTree.put(server.root(), bucket, "smb.txt", "written over Samba".getBytes(StandardCharsets.UTF_8));

        List<S3Object> contents = s3.listObjects(b -> b.bucket(bucket)).contents();

        assertEquals(List.of("put.txt", "smb.txt"), contents.stream().map(S3Object::key).toList());
        assertEquals(List.of(ChecksumAlgorithm.CRC32_C), contents.get(0).checksumAlgorithm());
        assertEquals(List.of(), contents.get(1).checksumAlgorithm(), "a file written outside Cubby has no stored checksum");
        RawResponse raw = server.sendSigned(server.request("GET", "/" + bucket + "?prefix=put"));
        assertEquals(List.of("Key", "LastModified", "ETag", "ChecksumAlgorithm", "Size", "StorageClass", "Owner"),
                Xml.childNames(Xml.elements(raw.xml(), "Contents").getFirst()), "S3's element order");
    }

    @Test
    void withEncodingTypeUrlThePrefixComesBackAsSentAndTheKeysEncoded() throws IOException {
        String bucket = server.newBucket("encoded");
        s3.putObject(b -> b.bucket(bucket).key("a b/c d"), RequestBody.fromString("x"));

        RawResponse empty = server.sendSigned(server.request("GET", "/" + bucket + "?prefix=%0A&encoding-type=url"));
        assertEquals("\n", Xml.text(empty.xml(), "Prefix"), "the SDKs decode V1's keys and markers, not its Prefix");

        RawResponse listed = server.sendSigned(server.request("GET", "/" + bucket + "?prefix=a%20b&encoding-type=url"));
        assertEquals("a b", Xml.text(listed.xml(), "Prefix"));
        assertEquals("a%20b/c%20d", Xml.text(listed.xml(), "Key"));
    }

    @Test
    void keysComeInUtf8ByteOrderOfTheWholeKey() {
        assertEquals(Keys.sorted(Listings.SORTED_KEYS), keys(s3.listObjects(b -> b.bucket(Listings.SORTED))));
    }

    @Test
    void delimiterAndPrefixListOneFolderLevel() {
        ListObjectsResponse top = s3.listObjects(b -> b.bucket(FixtureTree.PHOTOS).delimiter("/"));
        ListObjectsResponse nested = s3.listObjects(b -> b.bucket(FixtureTree.DOCS).prefix("nested/deep/").delimiter("/"));

        assertEquals(List.of(FixtureTree.README_KEY), keys(top));
        assertEquals(List.of("2024/", "empty-dir/"), prefixes(top));
        assertEquals(List.of(FixtureTree.DEEP_KEY), keys(nested));
        assertEquals(List.of(), prefixes(nested));
    }

    @Test
    void markerPagingWithoutDelimiterVisitsEveryKeyOnce() {
        List<ListObjectsResponse> pages = Listings.pagesV1(s3,
                ListObjectsRequest.builder().bucket(Listings.SORTED).maxKeys(4).build());

        assertEquals(Keys.sorted(Listings.SORTED_KEYS), Listings.entriesV1(pages));
        assertEquals(3, pages.size());
        assertTrue(pages.getFirst().isTruncated());
        assertEquals(4, pages.getFirst().maxKeys());
    }

    @Test
    void markerPagingWithDelimiterReturnsNextMarker() {
        List<ListObjectsResponse> pages = Listings.pagesV1(s3,
                ListObjectsRequest.builder().bucket(Listings.SORTED).delimiter("/").maxKeys(2).build());

        assertEquals(List.of("B", "a-b", "a.txt", "a/", "a0", "z z", "ß/", "é"), Listings.entriesV1(pages));
        assertEquals(4, pages.size());
    }

    @Test
    void markerSkipsEverythingUpToIt() {
        ListObjectsResponse listing = s3.listObjects(b -> b.bucket(Listings.SORTED).marker("a/b/e f"));

        assertEquals(List.of("a/c", "a0", "z z", "ß/x", "é"), keys(listing));
        assertEquals("a/b/e f", listing.marker());
    }

    @Test
    void encodingTypeUrlRoundTripsThroughTheSdk() {
        ListObjectsResponse listing = s3.listObjects(b -> b.bucket(FixtureTree.DOCS).encodingType(EncodingType.URL));

        assertEquals(List.of(FixtureTree.UNICODE_KEY, FixtureTree.DEEP_KEY), keys(listing));
    }

    @Test
    void encodingTypeUrlPercentEncodesKeysOnTheWire() throws IOException {
        RawResponse response = server.sendSigned(server.request("GET", "/" + FixtureTree.DOCS + "?encoding-type=url"));

        assertEquals(200, response.status(), response::toString);
        Document document = response.xml();
        String wireKey = Xml.text(document, "Key");
        assertFalse(wireKey.contains(" ") || wireKey.contains("ü"), "encoded on the wire: " + wireKey);
        assertEquals(FixtureTree.UNICODE_KEY, URLDecoder.decode(wireKey, StandardCharsets.UTF_8));
    }

    @Test
    void markerNamingAFolderStillListsTheKeysInsideIt() throws IOException {
        RawResponse response = server.sendSigned(server.request("GET", "/" + FixtureTree.PHOTOS + "?marker=2024%2F"));

        assertEquals(200, response.status(), response::toString);
        Document document = response.xml();
        assertEquals("ListBucketResult", document.getDocumentElement().getLocalName());
        assertEquals("2024/", Xml.text(document, "Marker"));
        assertEquals(List.of("2024/a.jpg", "empty-dir/", "readme.txt"),
                Xml.elements(document, "Key").stream().map(org.w3c.dom.Element::getTextContent).toList());
    }

    private static List<String> keys(ListObjectsResponse page) {
        return page.contents().stream().map(S3Object::key).toList();
    }

    private static List<String> prefixes(ListObjectsResponse page) {
        return page.commonPrefixes().stream().map(CommonPrefix::prefix).toList();
    }
}
