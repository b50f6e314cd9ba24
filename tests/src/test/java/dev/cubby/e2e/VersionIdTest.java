package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static dev.cubby.e2e.S3Assert.assertS3Status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code versionId} on object requests: Cubby keeps one version of each object, "null" (as S3 does
 * for a bucket that was never versioned), so that ID acts on the object and any other is refused
 * rather than answered with, or deleting, the current object.
 */
class VersionIdTest {
    private static final String BOGUS = "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY";

    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree();

    private final S3Client s3 = server.client();

    @Test
    void getAndHeadOfTheNullVersionServeTheObject() {
        var got = s3.getObjectAsBytes(b -> b.bucket(FixtureTree.PHOTOS).key(FixtureTree.README_KEY).versionId("null"));
        var head = s3.headObject(b -> b.bucket(FixtureTree.PHOTOS).key(FixtureTree.README_KEY).versionId("null"));

        assertEquals(new String(FixtureTree.readmeBytes()), got.asUtf8String());
        assertEquals(Digests.etag(FixtureTree.readmeBytes()), head.eTag());
        assertEquals(FixtureTree.readmeBytes().length, head.contentLength());
        assertEquals("null", got.response().versionId(), "x-amz-version-id names the version asked for");
        assertEquals("null", head.versionId());
    }

    @Test
    void withoutAVersionIdNoVersionIsNamed() throws IOException {
        String bucket = server.newBucket("version");
        s3.putObject(b -> b.bucket(bucket).key("plain.txt"), RequestBody.fromString("plain"));

        var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("plain.txt"));
        var head = s3.headObject(b -> b.bucket(bucket).key("plain.txt"));
        var deleted = s3.deleteObject(b -> b.bucket(bucket).key("plain.txt"));

        assertNull(got.response().versionId(), "S3 names no version of an unversioned object unless asked by id");
        assertNull(head.versionId());
        assertNull(deleted.versionId());
    }

    @Test
    void deleteOfTheNullVersionDeletesTheObject() throws IOException {
        String bucket = server.newBucket("version");
        s3.putObject(b -> b.bucket(bucket).key("gone.txt"), RequestBody.fromString("soon gone"));

        var deleted = s3.deleteObject(b -> b.bucket(bucket).key("gone.txt").versionId("null"));

        assertEquals("null", deleted.versionId());
        assertFalse(Files.exists(server.file(bucket, "gone.txt")));
        assertS3Status(404, () -> s3.headObject(b -> b.bucket(bucket).key("gone.txt")));
    }

    @Test
    void anyOtherVersionIdIsAnInvalidArgumentForGetHeadAndDelete() throws IOException {
        String bucket = server.newBucket("version");
        s3.putObject(b -> b.bucket(bucket).key("kept.txt"), RequestBody.fromString("still here"));

        S3Exception get = assertS3Error(400, "InvalidArgument",
                () -> s3.getObject(b -> b.bucket(bucket).key("kept.txt").versionId(BOGUS)));
        assertS3Status(400, () -> s3.headObject(b -> b.bucket(bucket).key("kept.txt").versionId(BOGUS)));
        assertS3Error(400, "InvalidArgument", () -> s3.deleteObject(b -> b.bucket(bucket).key("kept.txt").versionId(BOGUS)));

        assertTrue(get.awsErrorDetails().errorMessage().startsWith("Invalid version id specified"),
                get.awsErrorDetails().errorMessage());
        assertEquals("still here", Files.readString(server.file(bucket, "kept.txt")), "a refused delete deletes nothing");
    }

    @Test
    void anEmptyVersionIdIsRefusedToo() throws IOException {
        RawResponse response = server.sendSigned(server.request("GET",
                "/" + FixtureTree.PHOTOS + "/" + FixtureTree.README_KEY + "?versionId="));

        S3Assert.assertS3Error(response, 400, "InvalidArgument");
    }

    @Test
    void tagsOfTheNullVersionAreTheObjectsTags() throws IOException {
        String bucket = server.newBucket("version");
        s3.putObject(b -> b.bucket(bucket).key("tagged.txt").tagging("colour=blue"), RequestBody.fromString("x"));

        var tags = s3.getObjectTagging(b -> b.bucket(bucket).key("tagged.txt").versionId("null")).tagSet();

        assertEquals("blue", tags.getFirst().value());
        assertS3Error(400, "InvalidArgument",
                () -> s3.getObjectTagging(b -> b.bucket(bucket).key("tagged.txt").versionId(BOGUS)));
    }
}
