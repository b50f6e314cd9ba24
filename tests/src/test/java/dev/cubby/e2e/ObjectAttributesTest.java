package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** GetObjectAttributes: only the attributes asked for, from what HEAD knows of the object. */
class ObjectAttributesTest {
    private static final ObjectAttributes[] ALL = {ObjectAttributes.E_TAG, ObjectAttributes.CHECKSUM,
            ObjectAttributes.OBJECT_PARTS, ObjectAttributes.STORAGE_CLASS, ObjectAttributes.OBJECT_SIZE};

    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree();

    private final S3Client s3 = server.client();

    @Test
    void aPlainPutHasItsUnquotedEtagSizeAndChecksum() throws IOException {
        String bucket = server.newBucket("attributes");
        byte[] body = FixtureTree.seeded(10_000, 21);
        s3.putObject(b -> b.bucket(bucket).key("plain.bin").checksumAlgorithm(ChecksumAlgorithm.CRC32),
                RequestBody.fromBytes(body));

        GetObjectAttributesResponse attributes = s3.getObjectAttributes(b -> b.bucket(bucket).key("plain.bin")
                .objectAttributes(ALL));

        assertEquals(Digests.md5Hex(body), attributes.eTag(), "unquoted, as S3 sends it here");
        assertEquals(body.length, attributes.objectSize());
        assertEquals(StorageClass.STANDARD, attributes.storageClass());
        assertEquals(Digests.checksumBase64(ChecksumAlgorithm.CRC32, body), attributes.checksum().checksumCRC32());
        assertEquals(ChecksumType.FULL_OBJECT, attributes.checksum().checksumType());
        assertNull(attributes.objectParts(), "a single PUT has no parts");
        assertEquals(s3.headObject(b -> b.bucket(bucket).key("plain.bin")).lastModified(), attributes.lastModified());
    }

    @Test
    void onlyTheAttributesAskedForAreAnswered() throws IOException {
        String bucket = server.newBucket("attributes");
        s3.putObject(b -> b.bucket(bucket).key("some.txt"), RequestBody.fromString("some attributes"));

        GetObjectAttributesResponse attributes = s3.getObjectAttributes(b -> b.bucket(bucket).key("some.txt")
                .objectAttributes(ObjectAttributes.OBJECT_SIZE));

        assertEquals(15, attributes.objectSize());
        assertNull(attributes.eTag());
        assertNull(attributes.checksum());
        assertNull(attributes.storageClass());
    }

    @Test
    void aMultipartObjectHasItsPartsCountEtagAndCompositeChecksum() throws IOException {
        String bucket = server.newBucket("attributes");
        List<byte[]> bodies = List.of(FixtureTree.seeded(MultipartParts.MIN_PART, 22), FixtureTree.seeded(1_000, 23));
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("parts.bin")
                .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            int number = i + 1;
            UploadPartResponse part = s3.uploadPart(b -> b.bucket(bucket).key("parts.bin").uploadId(id)
                    .partNumber(number).checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(bodies.get(number - 1)));
            parts.add(CompletedPart.builder().partNumber(number).eTag(part.eTag()).checksumCRC32(part.checksumCRC32())
                    .build());
        }
        s3.completeMultipartUpload(b -> b.bucket(bucket).key("parts.bin").uploadId(id)
                .multipartUpload(u -> u.parts(parts)));

        GetObjectAttributesResponse attributes = s3.getObjectAttributes(b -> b.bucket(bucket).key("parts.bin")
                .objectAttributes(ALL));

        assertEquals(2, attributes.objectParts().totalPartsCount());
        assertEquals(MultipartParts.etag(bodies).replace("\"", ""), attributes.eTag());
        assertEquals(MultipartParts.concat(bodies).length, attributes.objectSize());
        assertEquals(MultipartParts.compositeChecksum(ChecksumAlgorithm.CRC32, bodies),
                attributes.checksum().checksumCRC32());
        assertEquals(ChecksumType.COMPOSITE, attributes.checksum().checksumType());
    }

    @Test
    void aFileWrittenIntoTheTreeHasItsMd5AndNoChecksumOrParts() {
        GetObjectAttributesResponse attributes = s3.getObjectAttributes(b -> b.bucket(FixtureTree.PHOTOS)
                .key(FixtureTree.JPG_KEY).objectAttributes(ALL));

        assertEquals(Digests.md5Hex(FixtureTree.jpgBytes()), attributes.eTag());
        assertEquals(FixtureTree.jpgBytes().length, attributes.objectSize());
        assertNull(attributes.checksum());
        assertNull(attributes.objectParts(), "its ETag is an MD5, not a placeholder taken for one part");
        assertEquals(FixtureTree.MTIME, attributes.lastModified());
    }

    @Test
    void theNullVersionIsTheObjectAndNoOtherVersionExists() {
        var attributes = s3.getObjectAttributes(b -> b.bucket(FixtureTree.PHOTOS).key(FixtureTree.README_KEY)
                .versionId("null").objectAttributes(ObjectAttributes.OBJECT_SIZE));

        assertEquals(FixtureTree.readmeBytes().length, attributes.objectSize());
        assertS3Error(400, "InvalidArgument", () -> s3.getObjectAttributes(b -> b.bucket(FixtureTree.PHOTOS)
                .key(FixtureTree.README_KEY).versionId("v2").objectAttributes(ObjectAttributes.OBJECT_SIZE)));
    }

    @Test
    void withoutTheAttributesHeaderTheErrorSaysWhatToSend() throws IOException {
        RawResponse response = server.sendSigned(server.request("GET",
                "/" + FixtureTree.PHOTOS + "/" + FixtureTree.README_KEY + "?attributes"));

        S3Assert.assertS3Error(response, 400, "InvalidArgument");
        String message = Xml.text(response.xml(), "Message");
        assertTrue(message.contains("x-amz-object-attributes") && message.contains("ObjectSize"), message);
    }

    @Test
    void anUnknownAttributeIsRefused() throws IOException {
        RawResponse response = server.sendSigned(server.request("GET",
                "/" + FixtureTree.PHOTOS + "/" + FixtureTree.README_KEY + "?attributes")
                .withHeader("x-amz-object-attributes", "ETag,Colour"));

        S3Assert.assertS3Error(response, 400, "InvalidArgument");
        assertTrue(Xml.text(response.xml(), "Message").contains("Colour"));
    }

    @Test
    void aMissingKeyIsNoSuchKey() {
        assertS3Error(404, "NoSuchKey", () -> s3.getObjectAttributes(b -> b.bucket(FixtureTree.PHOTOS)
                .key("no/such.txt").objectAttributes(ObjectAttributes.E_TAG)));
    }
}
