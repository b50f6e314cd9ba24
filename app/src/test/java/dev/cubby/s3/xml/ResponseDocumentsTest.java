package dev.cubby.s3.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cubby.meta.StoredChecksum;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ResponseDocumentsTest {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private static final String NS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

    private static String render(XmlDocument document) {
        return new String(XmlWriter.render(document), StandardCharsets.UTF_8);
    }

    @Test
    void copyObjectResult() {
        assertEquals(HEAD + "<CopyObjectResult" + NS + "><LastModified>2024-05-06T07:08:09.123Z</LastModified>"
                + "<ETag>\"9a0364b9e99bb480dd25e1f0284c8555\"</ETag></CopyObjectResult>",
                render(new CopyObjectResult("9a0364b9e99bb480dd25e1f0284c8555",
                        Instant.parse("2024-05-06T07:08:09.123Z"), null, null)));
        assertEquals(HEAD + "<CopyObjectResult" + NS + "><LastModified>2024-05-06T07:08:09.000Z</LastModified>"
                + "<ETag>\"e\"</ETag><ChecksumType>FULL_OBJECT</ChecksumType><ChecksumCRC32>AAAAAA==</ChecksumCRC32>"
                + "</CopyObjectResult>",
                render(new CopyObjectResult("e", Instant.parse("2024-05-06T07:08:09Z"), "CRC32", "AAAAAA==")));
    }

    @Test
    void deleteResult() {
        assertEquals(HEAD + "<DeleteResult" + NS + "><Deleted><Key>a b</Key></Deleted><Deleted><Key>x&amp;y</Key>"
                + "<VersionId>null</VersionId></Deleted><Error><Key>../up</Key><Code>InvalidArgument</Code>"
                + "<Message>bad key</Message></Error><Error><Key>k</Key><VersionId>v1</VersionId>"
                + "<Code>InvalidArgument</Code><Message>bad version</Message></Error></DeleteResult>",
                render(new DeleteResult(List.of(new DeleteResult.Deleted("a b", null), new DeleteResult.Deleted("x&y", "null")),
                        List.of(new DeleteResult.Failure("../up", null, "InvalidArgument", "bad key"),
                                new DeleteResult.Failure("k", "v1", "InvalidArgument", "bad version")))));
        assertEquals(HEAD + "<DeleteResult" + NS + "></DeleteResult>", render(new DeleteResult(List.of(), List.of())));
    }

    @Test
    void listBucketResultPutsChecksumAlgorithmBetweenEtagAndSize() {
        var contents = List.of(
                new ListBucketResult.Content("a", Instant.parse("2024-05-06T07:08:09Z"), "e1", "CRC32", 5),
                new ListBucketResult.Content("b", Instant.parse("2024-05-06T07:08:10Z"), "e2", null, 0));
        var paging = new ListBucketResult.Paging(null, null, null, null, null);
        assertEquals(HEAD + "<ListBucketResult" + NS + "><Name>bkt</Name><Prefix></Prefix><KeyCount>2</KeyCount>"
                + "<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
                + "<Contents><Key>a</Key><LastModified>2024-05-06T07:08:09.000Z</LastModified><ETag>\"e1\"</ETag>"
                + "<ChecksumAlgorithm>CRC32</ChecksumAlgorithm><Size>5</Size><StorageClass>STANDARD</StorageClass>"
                + "</Contents><Contents><Key>b</Key><LastModified>2024-05-06T07:08:10.000Z</LastModified>"
                + "<ETag>\"e2\"</ETag><Size>0</Size><StorageClass>STANDARD</StorageClass></Contents>"
                + "</ListBucketResult>",
                render(new ListBucketResult(true, "bkt", "", null, 1000, false, null, paging, contents, List.of(),
                        (Owner) null, UnaryOperator.identity())));
    }

    @Test
    void accessControlPolicyDeclaresTheXsiNamespace() {
        assertEquals(HEAD + "<AccessControlPolicy" + NS + "><Owner><ID>abc</ID><DisplayName>cubby</DisplayName>"
                + "</Owner><AccessControlList><Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:type=\"CanonicalUser\"><ID>abc</ID><DisplayName>cubby</DisplayName></Grantee>"
                + "<Permission>FULL_CONTROL</Permission></Grant></AccessControlList></AccessControlPolicy>",
                render(new AccessControlPolicy(new Owner("abc", "cubby"), java.util.List.of(new AccessControlPolicy.GrantEntry(new Owner("abc", "cubby"), null, "FULL_CONTROL")))));
    }

    @Test
    void tagging() {
        var tags = new LinkedHashMap<String, String>();
        tags.put("b", "2 & 3");
        tags.put("a", "");
        assertEquals(HEAD + "<Tagging" + NS + "><TagSet><Tag><Key>b</Key><Value>2 &amp; 3</Value></Tag>"
                + "<Tag><Key>a</Key><Value></Value></Tag></TagSet></Tagging>", render(new Tagging(tags)));
        assertEquals(HEAD + "<Tagging" + NS + "><TagSet></TagSet></Tagging>", render(new Tagging(Map.of())));
    }

    @Test
    void listVersionsResult() {
        var versions = List.of(
                new ListVersionsResult.Version("a b", "null", true, Instant.parse("2024-05-06T07:08:09Z"), "e1", 5,
                        "CRC64NVME"),
                new ListVersionsResult.Version("c", "null", true, Instant.parse("2024-05-06T07:08:10Z"), "e2-3", 0, null));
        assertEquals(HEAD + "<ListVersionsResult" + NS + "><Name>bkt</Name><Prefix></Prefix><KeyMarker>a</KeyMarker>"
                + "<VersionIdMarker></VersionIdMarker><NextKeyMarker>c</NextKeyMarker>"
                + "<NextVersionIdMarker>null</NextVersionIdMarker><MaxKeys>2</MaxKeys><IsTruncated>true</IsTruncated>"
                + "<Version><Key>a b</Key><VersionId>null</VersionId><IsLatest>true</IsLatest>"
                + "<LastModified>2024-05-06T07:08:09.000Z</LastModified><ETag>\"e1\"</ETag>"
                + "<ChecksumAlgorithm>CRC64NVME</ChecksumAlgorithm><Size>5</Size><StorageClass>STANDARD</StorageClass>"
                + "<Owner><ID>abc</ID><DisplayName>cubby</DisplayName></Owner></Version>"
                + "<Version><Key>c</Key><VersionId>null</VersionId><IsLatest>true</IsLatest>"
                + "<LastModified>2024-05-06T07:08:10.000Z</LastModified><ETag>\"e2-3\"</ETag><Size>0</Size>"
                + "<StorageClass>STANDARD</StorageClass><Owner><ID>abc</ID><DisplayName>cubby</DisplayName></Owner>"
                + "</Version></ListVersionsResult>",
                render(new ListVersionsResult("bkt", "", null, 2, true, null,
                        new ListVersionsResult.Markers("a", null, "c", "null"), versions, List.of(),
                        new Owner("abc", "cubby"), UnaryOperator.identity())));
    }

    @Test
    void listVersionsResultEncodesKeysPrefixesAndMarkers() {
        assertEquals(HEAD + "<ListVersionsResult" + NS + "><Name>bkt</Name><Prefix>d%20</Prefix>"
                + "<KeyMarker>d%20a</KeyMarker><VersionIdMarker>null</VersionIdMarker><NextKeyMarker>d%20e/</NextKeyMarker>"
                + "<MaxKeys>1</MaxKeys><Delimiter>/</Delimiter><EncodingType>url</EncodingType>"
                + "<IsTruncated>true</IsTruncated><CommonPrefixes><Prefix>d%20e/</Prefix></CommonPrefixes>"
                + "</ListVersionsResult>",
                render(new ListVersionsResult("bkt", "d ", "/", 1, true, "url",
                        new ListVersionsResult.Markers("d a", "null", "d e/", null), List.of(), List.of("d e/"),
                        new Owner("abc", "cubby"), s -> s.replace(" ", "%20"))));
    }

    @Test
    void getObjectAttributesResponse() {
        assertEquals(HEAD + "<GetObjectAttributesResponse" + NS + "><ETag>9a0364b9e99bb480dd25e1f0284c8555-2</ETag>"
                + "<Checksum><ChecksumCRC32>AAAAAA==-2</ChecksumCRC32><ChecksumType>COMPOSITE</ChecksumType></Checksum>"
                + "<ObjectParts><PartsCount>2</PartsCount></ObjectParts><StorageClass>STANDARD</StorageClass>"
                + "<ObjectSize>5243880</ObjectSize></GetObjectAttributesResponse>",
                render(new GetObjectAttributesResponse("9a0364b9e99bb480dd25e1f0284c8555-2",
                        new StoredChecksum("CRC32", "AAAAAA==-2"), GetObjectAttributesResponse.ObjectParts.countOnly(2),
                        "STANDARD", 5_243_880L)));
        assertEquals(HEAD + "<GetObjectAttributesResponse" + NS + "><Checksum><ChecksumCRC64NVME>AAAAAAAAAAA=</ChecksumCRC64NVME>"
                + "<ChecksumType>FULL_OBJECT</ChecksumType></Checksum></GetObjectAttributesResponse>",
                render(new GetObjectAttributesResponse(null, new StoredChecksum("CRC64NVME", "AAAAAAAAAAA="), null,
                        null, null)));
    }

    @Test
    void getObjectAttributesPagesThePartsWithTheirSizesAndChecksums() {
        var parts = List.of(new dev.cubby.meta.UploadedPart("u", 2, 5_242_880, "e2", "BBBBBB==", "f2",
                java.time.Instant.EPOCH));
        assertEquals(HEAD + "<GetObjectAttributesResponse" + NS + "><ObjectParts><IsTruncated>true</IsTruncated>"
                + "<MaxParts>1</MaxParts><NextPartNumberMarker>2</NextPartNumberMarker>"
                + "<PartNumberMarker>1</PartNumberMarker><Part><ChecksumCRC32>BBBBBB==</ChecksumCRC32>"
                + "<PartNumber>2</PartNumber><Size>5242880</Size></Part><PartsCount>3</PartsCount></ObjectParts>"
                + "</GetObjectAttributesResponse>",
                render(new GetObjectAttributesResponse(null, null,
                        new GetObjectAttributesResponse.ObjectParts(3, 1, 2, 1, true, parts, "CRC32"), null, null)));
    }

    @Test
    void theAccessControlPolicyReadsBackWithANamespaceAwareParser() {
        byte[] xml = XmlWriter.render(new AccessControlPolicy(new Owner("abc", "cubby"), java.util.List.of(new AccessControlPolicy.GrantEntry(new Owner("abc", "cubby"), null, "FULL_CONTROL"))));
        XmlElement root = SafeXmlReader.parse(new java.io.ByteArrayInputStream(xml), 4096);
        assertEquals("abc", root.child("AccessControlList").orElseThrow().child("Grant").orElseThrow()
                .child("Grantee").orElseThrow().childText("ID").orElseThrow());
    }
}
