package dev.cubby.e2e;

import static dev.cubby.e2e.MultipartParts.MIN_PART;
import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Multipart uploads with a full-object checksum (S3's ChecksumType FULL_OBJECT: a CRC of the
 * whole object, not of the parts' checksums), as the AWS SDK for Java sends them.
 */
class MultipartFullObjectChecksumTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    private static final byte[] PART_1 = FixtureTree.seeded(MIN_PART, 401);
    private static final byte[] LAST = FixtureTree.seeded(2048, 402);
    private static final List<byte[]> TWO = List.of(PART_1, LAST);

    private final S3Client s3 = server.client();

    @Test
    void crc64NvmeUploadsAreFullObjectAndTheObjectKeepsTheWholeCrc() throws IOException {
        String bucket = server.newBucket("full");
        var created = s3.createMultipartUpload(b -> b.bucket(bucket).key("nvme.bin")
                .checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME));
        assertEquals(ChecksumType.FULL_OBJECT, created.checksumType(), "CRC64NVME has no composite form");
        String whole = Digests.checksumBase64(ChecksumAlgorithm.CRC64_NVME, MultipartParts.concat(TWO));

        CompleteMultipartUploadResponse done = s3.completeMultipartUpload(b -> b.bucket(bucket).key("nvme.bin")
                .uploadId(created.uploadId()).checksumCRC64NVME(whole).checksumType(ChecksumType.FULL_OBJECT)
                .multipartUpload(m -> m.parts(upload(bucket, "nvme.bin", created.uploadId(),
                        ChecksumAlgorithm.CRC64_NVME))));

        assertEquals(whole, done.checksumCRC64NVME());
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("nvme.bin").checksumMode(ChecksumMode.ENABLED));
        assertEquals(whole, head.checksumCRC64NVME());
        assertEquals(ChecksumType.FULL_OBJECT, head.checksumType());
        assertArrayEquals(MultipartParts.concat(TWO), s3.getObjectAsBytes(b -> b.bucket(bucket).key("nvme.bin")
                .checksumMode(ChecksumMode.ENABLED)).asByteArray(), "the SDK checks the whole CRC as it reads");
    }

    @Test
    void aCrc32UploadAskedForFullObjectKeepsTheCrcOfTheWholeObject() throws IOException {
        String bucket = server.newBucket("full");
        var created = s3.createMultipartUpload(b -> b.bucket(bucket).key("crc.bin")
                .checksumAlgorithm(ChecksumAlgorithm.CRC32).checksumType(ChecksumType.FULL_OBJECT));
        String whole = Digests.checksumBase64(ChecksumAlgorithm.CRC32, MultipartParts.concat(TWO));

        CompleteMultipartUploadResponse done = s3.completeMultipartUpload(b -> b.bucket(bucket).key("crc.bin")
                .uploadId(created.uploadId()).checksumCRC32(whole).checksumType(ChecksumType.FULL_OBJECT)
                .multipartUpload(m -> m.parts(upload(bucket, "crc.bin", created.uploadId(), ChecksumAlgorithm.CRC32))));

        assertEquals(whole, done.checksumCRC32());
        assertEquals(ChecksumType.FULL_OBJECT, done.checksumType());
    }

    @Test
    void aWrongFullObjectChecksumAtCompletionIsBadDigestAndPublishesNothing() throws IOException {
        String bucket = server.newBucket("full");
        var created = s3.createMultipartUpload(b -> b.bucket(bucket).key("wrong.bin")
                .checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME));
        List<CompletedPart> parts = upload(bucket, "wrong.bin", created.uploadId(), ChecksumAlgorithm.CRC64_NVME);
        String other = Digests.checksumBase64(ChecksumAlgorithm.CRC64_NVME, PART_1);

        assertS3Error(400, "BadDigest", () -> s3.completeMultipartUpload(b -> b.bucket(bucket).key("wrong.bin")
                .uploadId(created.uploadId()).checksumCRC64NVME(other).checksumType(ChecksumType.FULL_OBJECT)
                .multipartUpload(m -> m.parts(parts))));
        assertS3Error(404, "NoSuchKey", () -> s3.headObject(b -> b.bucket(bucket).key("wrong.bin")));
    }

    private List<CompletedPart> upload(String bucket, String key, String id, ChecksumAlgorithm algorithm) {
        List<CompletedPart> parts = new ArrayList<>();
        for (int i = 0; i < TWO.size(); i++) {
            int number = i + 1;
            UploadPartResponse sent = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(number)
                    .checksumAlgorithm(algorithm), RequestBody.fromBytes(TWO.get(number - 1)));
            parts.add(CompletedPart.builder().partNumber(number).eTag(sent.eTag()).checksumCRC32(sent.checksumCRC32())
                    .checksumCRC64NVME(sent.checksumCRC64NVME()).build());
        }
        return parts;
    }
}
