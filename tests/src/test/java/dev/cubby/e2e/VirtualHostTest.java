package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Virtual-host-style addressing ({@code Host: bucket.localhost}) with {@code --domain localhost}, beside path style. */
class VirtualHostTest {
    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree().args("--domain", "localhost");

    private static final RequestRecorder recorder = new RequestRecorder();

    private final S3Client s3 = server.virtualHostClient(b -> b.overrideConfiguration(
            o -> o.addExecutionInterceptor(recorder)));

    @Test
    void sdkReadsAPreExistingFileThroughTheBucketHost() {
        byte[] got = s3.getObjectAsBytes(b -> b.bucket(FixtureTree.DOCS).key(FixtureTree.DEEP_KEY)).asByteArray();

        assertEquals("docs.localhost:" + server.port(), recorder.lastHost());
        assertArrayEquals(FixtureTree.deepBytes(), got);
    }

    @Test
    void sdkPutsAndListsThroughTheBucketHost() throws IOException {
        String bucket = server.newBucket("vhost");

        String etag = s3.putObject(b -> b.bucket(bucket).key("via/vhost.txt"), RequestBody.fromString("virtual")).eTag();

        assertEquals(bucket + ".localhost:" + server.port(), recorder.lastHost());
        assertEquals("virtual", Files.readString(server.file(bucket, "via/vhost.txt")));
        assertEquals(Digests.etag("virtual".getBytes()), etag);
        assertEquals(List.of("via/vhost.txt"),
                s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList());
    }

    @Test
    void listBucketsUsesTheBareDomain() {
        List<String> names = s3.listBuckets().buckets().stream().map(Bucket::name).toList();

        assertEquals("localhost:" + server.port(), recorder.lastHost());
        assertTrue(names.containsAll(List.of(FixtureTree.DOCS, FixtureTree.PHOTOS)), names.toString());
    }

    @Test
    void requestSignedByHandWithABucketHostIsServed() throws IOException {
        RawRequest get = RawRequest.of("GET", "/" + FixtureTree.README_KEY)
                .withHeader("Host", FixtureTree.PHOTOS + ".localhost:" + server.port());

        RawResponse response = server.send(server.signer().sign(get));

        assertEquals(200, response.status(), response::toString);
        assertArrayEquals(FixtureTree.readmeBytes(), response.body());
    }

    @Test
    void listingSignedByHandWithABucketHostNamesThatBucket() throws IOException {
        RawRequest list = RawRequest.of("GET", "/?list-type=2&delimiter=%2F")
                .withHeader("Host", FixtureTree.PHOTOS + ".localhost:" + server.port());

        RawResponse response = server.send(server.signer().sign(list));

        assertEquals(200, response.status(), response::toString);
        Document document = response.xml();
        assertEquals(FixtureTree.PHOTOS, Xml.text(document, "Name"));
        assertEquals(FixtureTree.README_KEY, Xml.text(document, "Key"));
    }

    @Test
    void pathStyleStillWorksBesideTheDomain() {
        byte[] got = server.client().getObjectAsBytes(b -> b.bucket(FixtureTree.PHOTOS).key(FixtureTree.README_KEY))
                .asByteArray();

        assertArrayEquals(FixtureTree.readmeBytes(), got);
    }
}
