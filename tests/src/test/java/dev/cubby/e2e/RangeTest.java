package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** GetObject with a Range header: 206 with Content-Range, clipping at the end, 416 past it. */
class RangeTest {
    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree();

    private static final byte[] BODY = FixtureTree.seeded(100, 5);
    private static String bucket;

    private final S3Client s3 = server.client();

    @BeforeAll
    static void putObject() throws IOException {
        bucket = server.newBucket("range");
        server.client().putObject(b -> b.bucket(bucket).key("hundred.bin"), RequestBody.fromBytes(BODY));
    }

    @ParameterizedTest(name = "{0} -> {1}-{2}")
    @CsvSource({
        "bytes=0-9,     0,  9",
        "bytes=10-,     10, 99",
        "bytes=-5,      95, 99",
        "bytes=90-1000, 90, 99",
        "bytes=99-99,   99, 99",
        "bytes=-500,    0,  99",
    })
    void rangeAnswersPartialContentWithContentRange(String range, int first, int last) {
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("hundred.bin").range(range));

        GetObjectResponse response = got.response();
        assertEquals(206, response.sdkHttpResponse().statusCode());
        assertEquals("bytes " + first + "-" + last + "/100", response.contentRange());
        assertEquals(last - first + 1, response.contentLength());
        assertArrayEquals(Arrays.copyOfRange(BODY, first, last + 1), got.asByteArray());
        assertEquals(Digests.etag(BODY), response.eTag(), "the ETag is the whole object's");
        assertEquals("bytes", response.acceptRanges());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=100-", "bytes=100-200", "bytes=500-600"})
    void rangeStartingAtOrPastTheEndAnswersInvalidRange(String range) {
        assertS3Error(416, "InvalidRange",
                () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("hundred.bin").range(range)));
    }

    @Test
    void rangeWithChecksumModeNeverSendsTheWholeObjectChecksum() {
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("hundred.bin")
                .range("bytes=0-9").checksumMode(ChecksumMode.ENABLED));

        assertArrayEquals(Arrays.copyOfRange(BODY, 0, 10), got.asByteArray());
        assertNull(got.response().checksumCRC32(), "a checksum of the whole object cannot validate a range");
    }

    @Test
    void rangeOnAPreExistingFileReadsFromTheFile() {
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(FixtureTree.DOCS)
                .key(FixtureTree.DEEP_KEY).range("bytes=65536-65545"));

        assertArrayEquals(Arrays.copyOfRange(FixtureTree.deepBytes(), 65_536, 65_546), got.asByteArray());
        assertEquals("bytes 65536-65545/" + FixtureTree.deepBytes().length, got.response().contentRange());
    }

    @Test
    void rawRangeResponseCarriesStatusAndHeaders() throws IOException {
        RawResponse response = server.sendSigned(server.request("GET", "/" + bucket + "/hundred.bin")
                .withHeader("Range", "bytes=0-9"));

        assertEquals(206, response.status(), response::toString);
        assertEquals("bytes 0-9/100", response.header("Content-Range"));
        assertEquals("10", response.header("Content-Length"));
        assertArrayEquals(Arrays.copyOfRange(BODY, 0, 10), response.body());
    }

    @Test
    void unsatisfiableRangeIsAnS3ErrorDocument() throws IOException {
        RawResponse response = server.sendSigned(server.request("GET", "/" + bucket + "/hundred.bin")
                .withHeader("Range", "bytes=100-"));

        S3Assert.assertS3Error(response, 416, "InvalidRange");
    }
}
