package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * Integrity on upload: the SDK's default CRC32 trailer, each explicit algorithm, Content-MD5; the
 * stored checksum returned with {@code x-amz-checksum-mode: ENABLED}; and a wrong digest refused
 * with BadDigest, leaving the previous object and no temporary file behind.
 */
class ChecksumTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    private static final RequestRecorder recorder = new RequestRecorder();

    /** Default settings; the recorder only watches what goes on the wire. */
    private final S3Client s3 = server.client(b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(recorder)));

    /** Three SDK chunks of 128 KiB and a partial one. */
    private static final byte[] BODY = FixtureTree.seeded(3 * 128 * 1024 + 1_000, 21);

    @Test
    void defaultPutSendsACrc32TrailerThatIsVerifiedStoredAndReturned() throws IOException {
        String bucket = server.newBucket("crc");

        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key("default.bin"), RequestBody.fromBytes(BODY));

        assertEquals("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", recorder.lastHeader("x-amz-content-sha256"));
        assertEquals("x-amz-checksum-crc32", recorder.lastHeader("x-amz-trailer"));
        String expected = Digests.checksumBase64(ChecksumAlgorithm.CRC32, BODY);
        assertEquals(expected, put.checksumCRC32());
        assertEquals(Digests.etag(BODY), put.eTag());
        assertArrayEquals(BODY, Files.readAllBytes(server.file(bucket, "default.bin")));
        assertEquals(expected, s3.headObject(b -> b.bucket(bucket).key("default.bin")
                .checksumMode(ChecksumMode.ENABLED)).checksumCRC32());
    }

    @ParameterizedTest
    @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32_C", "SHA1", "SHA256", "CRC64_NVME"})
    void explicitAlgorithmIsVerifiedStoredAndReturnedOnHeadAndGet(ChecksumAlgorithm algorithm) throws IOException {
        String bucket = server.newBucket("algo");
        String expected = Digests.checksumBase64(algorithm, BODY);

        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key("k.bin").checksumAlgorithm(algorithm),
                RequestBody.fromBytes(BODY));

        assertEquals(expected, Checksums.of(put).value(algorithm));
        assertArrayEquals(BODY, Files.readAllBytes(server.file(bucket, "k.bin")));
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("k.bin").checksumMode(ChecksumMode.ENABLED));
        assertEquals(expected, Checksums.of(head).value(algorithm));
        ResponseBytes<GetObjectResponse> get = s3.getObjectAsBytes(b -> b.bucket(bucket).key("k.bin")
                .checksumMode(ChecksumMode.ENABLED));
        assertEquals(expected, Checksums.of(get.response()).value(algorithm));
        assertArrayEquals(BODY, get.asByteArray());
    }

    @Test
    void headWithoutChecksumModeOmitsTheChecksum() throws IOException {
        String bucket = server.newBucket("crc");
        s3.putObject(b -> b.bucket(bucket).key("quiet.bin"), RequestBody.fromBytes(BODY));

        assertNull(s3.headObject(b -> b.bucket(bucket).key("quiet.bin")).checksumCRC32());
    }

    @Test
    void correctContentMd5IsAccepted() throws IOException {
        String bucket = server.newBucket("md5");

        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key("m.bin").contentMD5(Digests.md5Base64(BODY)),
                RequestBody.fromBytes(BODY));

        assertEquals(Digests.etag(BODY), put.eTag());
        assertArrayEquals(BODY, Files.readAllBytes(server.file(bucket, "m.bin")));
    }

    @Test
    void wrongContentMd5AnswersBadDigestAndKeepsThePreviousObject() throws IOException {
        String bucket = server.newBucket("md5");
        s3.putObject(b -> b.bucket(bucket).key("kept.txt"), RequestBody.fromString("previous version"));
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(400, "BadDigest", () -> s3.putObject(b -> b.bucket(bucket).key("kept.txt")
                .contentMD5(Digests.md5Base64("other bytes".getBytes())), RequestBody.fromBytes(BODY)));

        assertEquals(before, TreeSnapshot.of(server.base()), "no new object, no temporary file");
        assertEquals("previous version", Files.readString(server.file(bucket, "kept.txt")));
        assertEquals(Digests.etag("previous version".getBytes()),
                s3.headObject(b -> b.bucket(bucket).key("kept.txt")).eTag());
    }

    @ParameterizedTest
    @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32", "CRC32_C", "SHA1", "SHA256", "CRC64_NVME"})
    void wrongChecksumHeaderAnswersBadDigestAndStoresNothing(ChecksumAlgorithm algorithm) throws IOException {
        String bucket = server.newBucket("bad");
        String wrong = Digests.checksumBase64(algorithm, "other bytes".getBytes());
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(400, "BadDigest", () -> s3.putObject(
                withChecksumValue(PutObjectRequest.builder().bucket(bucket).key("never.bin"), algorithm, wrong).build(),
                RequestBody.fromBytes(BODY)));

        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @Test
    void wrongTrailingChecksumAnswersBadDigestAndKeepsThePreviousObject() throws IOException {
        String bucket = server.newBucket("bad");
        s3.putObject(b -> b.bucket(bucket).key("trailer.bin"), RequestBody.fromString("previous"));
        TreeSnapshot before = TreeSnapshot.of(server.base());
        RawRequest put = AwsChunked.put(server.request("PUT", "/" + bucket + "/trailer.bin"), BODY, 64 * 1024,
                "x-amz-checksum-crc32", Digests.checksumBase64(ChecksumAlgorithm.CRC32, "other".getBytes()));

        RawResponse response = server.send(server.signer().sign(put, java.time.Instant.now(),
                SigV4.STREAMING_UNSIGNED_PAYLOAD_TRAILER));

        S3Assert.assertS3Error(response, 400, "BadDigest");
        assertEquals(before, TreeSnapshot.of(server.base()));
        assertEquals("previous", Files.readString(server.file(bucket, "trailer.bin")));
    }

    private static PutObjectRequest.Builder withChecksumValue(PutObjectRequest.Builder builder,
                                                              ChecksumAlgorithm algorithm, String value) {
        return switch (algorithm) {
            case CRC32 -> builder.checksumCRC32(value);
            case CRC32_C -> builder.checksumCRC32C(value);
            case SHA1 -> builder.checksumSHA1(value);
            case SHA256 -> builder.checksumSHA256(value);
            case CRC64_NVME -> builder.checksumCRC64NVME(value);
            default -> throw new IllegalArgumentException(algorithm.toString());
        };
    }

    /** The checksum values a response reports, one per algorithm. */
    private record Checksums(String crc32, String crc32c, String sha1, String sha256, String crc64nvme) {
        static Checksums of(PutObjectResponse r) {
            return new Checksums(r.checksumCRC32(), r.checksumCRC32C(), r.checksumSHA1(), r.checksumSHA256(),
                    r.checksumCRC64NVME());
        }

        static Checksums of(HeadObjectResponse r) {
            return new Checksums(r.checksumCRC32(), r.checksumCRC32C(), r.checksumSHA1(), r.checksumSHA256(),
                    r.checksumCRC64NVME());
        }

        static Checksums of(GetObjectResponse r) {
            return new Checksums(r.checksumCRC32(), r.checksumCRC32C(), r.checksumSHA1(), r.checksumSHA256(),
                    r.checksumCRC64NVME());
        }

        String value(ChecksumAlgorithm algorithm) {
            return switch (algorithm) {
                case CRC32 -> crc32;
                case CRC32_C -> crc32c;
                case SHA1 -> sha1;
                case SHA256 -> sha256;
                case CRC64_NVME -> crc64nvme;
                default -> throw new IllegalArgumentException(algorithm.toString());
            };
        }
    }
}
