package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.DeletedObject;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * DeleteObjects: verbose and quiet answers, the 1000-key limit, a bad key or version id reported
 * per key, and a body whose digest or XML is refused as a whole, deleting nothing.
 */
class DeleteObjectsTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    private static final RequestRecorder recorder = new RequestRecorder();
    private static final String BOGUS_VERSION = "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY";

    /** Default settings: the SDK sends a flexible checksum header with this operation, not Content-MD5. */
    private final S3Client s3 = server.client(b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(recorder)));

    @Test
    void verboseDeleteRemovesTheFilesAndReportsEachKey() throws IOException {
        String bucket = server.newBucket("verbose");
        List<String> keys = List.of("a.txt", "dir/b.txt", "dir/sub/c.txt");
        for (String key : keys) {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key));
        }

        DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids(keys))));

        assertNull(recorder.lastHeader("Content-MD5"));
        assertTrue(recorder.lastHeader("x-amz-sdk-checksum-algorithm") != null
                || recorder.lastHeader("x-amz-checksum-crc32") != null, "the SDK sent a flexible checksum");
        assertEquals(Set.copyOf(keys), deletedKeys(response));
        assertTrue(response.errors().isEmpty(), () -> "errors: " + response.errors());
        for (String key : keys) {
            assertFalse(Files.exists(server.file(bucket, key)), key);
        }
        assertFalse(Files.exists(server.file(bucket, "dir")), "folders Cubby made for the keys go with them");
        assertTrue(s3.listObjectsV2(b -> b.bucket(bucket)).contents().isEmpty());
    }

    @Test
    void quietDeleteAnswersOnlyErrors() throws IOException {
        String bucket = server.newBucket("quiet");
        List<String> keys = List.of("one.txt", "two.txt");
        putFiles(bucket, keys);

        DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids(keys)).quiet(true)));

        assertTrue(response.deleted().isEmpty(), () -> "quiet lists no deleted keys: " + response.deleted());
        assertTrue(response.errors().isEmpty());
        assertFalse(Files.exists(server.file(bucket, "one.txt")));
        assertFalse(Files.exists(server.file(bucket, "two.txt")));
    }

    @Test
    void thousandKeysDeleteInOneRequest() throws IOException {
        String bucket = server.newBucket("thousand");
        List<String> keys = IntStream.range(0, 1000).mapToObj(i -> String.format("batch/%02d/k%04d.bin", i % 10, i)).toList();
        putFiles(bucket, keys);

        DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids(keys))));

        assertEquals(Set.copyOf(keys), deletedKeys(response));
        assertTrue(response.errors().isEmpty());
        for (String key : keys) {
            assertFalse(Files.exists(server.file(bucket, key)), key);
        }
    }

    @Test
    void missingKeysAreReportedAsDeleted() throws IOException {
        String bucket = server.newBucket("missing");
        putFiles(bucket, List.of("here.txt"));
        List<String> keys = List.of("here.txt", "never.txt", "no/such/dir/x.txt");

        DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids(keys))));

        assertEquals(Set.copyOf(keys), deletedKeys(response));
        assertTrue(response.errors().isEmpty());
        assertFalse(Files.exists(server.file(bucket, "here.txt")));
    }

    @Test
    void invalidKeyIsAPerKeyErrorWhileTheOthersAreDeleted() throws IOException {
        String bucket = server.newBucket("invalid");
        putFiles(bucket, List.of("x.txt", "b"));
        List<String> keys = List.of("x.txt", "a/../b");

        DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids(keys))));

        assertEquals(Set.of("x.txt"), deletedKeys(response));
        assertEquals(1, response.errors().size(), () -> "errors: " + response.errors());
        S3Error error = response.errors().getFirst();
        assertEquals("a/../b", error.key());
        assertNotNull(error.code());
        assertFalse(error.code().isBlank());
        assertFalse(Files.exists(server.file(bucket, "x.txt")));
        assertTrue(Files.exists(server.file(bucket, "b")), "the traversal key does not reach b");
    }

    @Test
    void theNullVersionIdDeletesTheKeyAndIsEchoed() throws IOException {
        String bucket = server.newBucket("nullversion");
        putFiles(bucket, List.of("versioned.txt", "plain.txt"));

        DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                ObjectIdentifier.builder().key("versioned.txt").versionId("null").build(),
                ObjectIdentifier.builder().key("plain.txt").build())));

        assertTrue(response.errors().isEmpty(), () -> "errors: " + response.errors());
        Map<String, String> versions = new HashMap<>();
        response.deleted().forEach(deleted -> versions.put(deleted.key(), deleted.versionId()));
        assertEquals(Set.of("versioned.txt", "plain.txt"), versions.keySet());
        assertEquals("null", versions.get("versioned.txt"), "S3 echoes the VersionId it was given");
        assertNull(versions.get("plain.txt"), "and names none where none was given");
        assertFalse(Files.exists(server.file(bucket, "versioned.txt")));
        assertFalse(Files.exists(server.file(bucket, "plain.txt")));
    }

    @Test
    void anotherVersionIdIsThatKeysInvalidArgumentWhileTheOthersAreDeleted() throws IOException {
        String bucket = server.newBucket("otherversion");
        putFiles(bucket, List.of("kept.txt", "gone.txt"));

        DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                ObjectIdentifier.builder().key("kept.txt").versionId(BOGUS_VERSION).build(),
                ObjectIdentifier.builder().key("gone.txt").build())));

        assertEquals(Set.of("gone.txt"), deletedKeys(response));
        assertEquals(1, response.errors().size(), () -> "errors: " + response.errors());
        S3Error error = response.errors().getFirst();
        assertEquals("kept.txt", error.key());
        assertEquals(BOGUS_VERSION, error.versionId());
        assertEquals("InvalidArgument", error.code());
        assertTrue(error.message().startsWith("Invalid version id specified"), error.message());
        assertEquals("kept.txt", Files.readString(server.file(bucket, "kept.txt")), "the current object is not deleted");
        assertFalse(Files.exists(server.file(bucket, "gone.txt")));
    }

    @Test
    void onlyRefusedVersionIdsDeleteNothingAndQuietStillReportsThem() throws IOException {
        String bucket = server.newBucket("refusedversions");
        putFiles(bucket, List.of("one.txt", "dir/two.txt"));
        byte[] body = ("<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Quiet>true</Quiet>"
                + "<Object><Key>one.txt</Key><VersionId>" + BOGUS_VERSION + "</VersionId></Object>"
                + "<Object><Key>dir/two.txt</Key><VersionId></VersionId></Object></Delete>")
                .getBytes(StandardCharsets.UTF_8);
        TreeSnapshot before = TreeSnapshot.of(server.base());

        RawResponse response = server.sendSigned(deleteRequest(bucket, body).withHeader("Content-MD5", Digests.md5Base64(body)));

        assertEquals(200, response.status(), response::toString);
        assertEquals(List.of(), Xml.elements(response.xml(), "Deleted"));
        var errors = Xml.elements(response.xml(), "Error");
        assertEquals(List.of("one.txt", "dir/two.txt"), errors.stream().map(e -> Xml.text(e, "Key")).toList());
        assertEquals(List.of(BOGUS_VERSION, ""), errors.stream().map(e -> Xml.text(e, "VersionId")).toList());
        assertEquals(List.of("InvalidArgument", "InvalidArgument"), errors.stream().map(e -> Xml.text(e, "Code")).toList());
        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @Test
    void moreThanThousandKeysAnswerMalformedXmlAndDeleteNothing() throws IOException {
        String bucket = server.newBucket("toomany");
        putFiles(bucket, List.of("k0000", "k0001", "k1000"));
        List<String> keys = IntStream.range(0, 1001).mapToObj(i -> String.format("k%04d", i)).toList();
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(400, "MalformedXML", () -> s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids(keys)))));

        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @Test
    void wrongContentMd5AnswersBadDigestAndDeletesNothing() throws IOException {
        String bucket = server.newBucket("baddigest");
        putFiles(bucket, List.of("keep.txt"));
        byte[] body = deleteBody("keep.txt");
        TreeSnapshot before = TreeSnapshot.of(server.base());

        RawResponse response = server.sendSigned(deleteRequest(bucket, body)
                .withHeader("Content-MD5", Digests.md5Base64("other bytes".getBytes(StandardCharsets.UTF_8))));

        S3Assert.assertS3Error(response, 400, "BadDigest");
        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @Test
    void correctContentMd5IsAccepted() throws IOException {
        String bucket = server.newBucket("md5");
        putFiles(bucket, List.of("gone.txt"));
        byte[] body = deleteBody("gone.txt");

        RawResponse response = server.sendSigned(deleteRequest(bucket, body).withHeader("Content-MD5", Digests.md5Base64(body)));

        assertEquals(200, response.status(), response::toString);
        assertEquals(List.of("gone.txt"), Xml.elements(response.xml(), "Deleted").stream()
                .map(deleted -> Xml.text(deleted, "Key")).toList());
        assertFalse(Files.exists(server.file(bucket, "gone.txt")));
    }

    @Test
    void bodyWithADoctypeOrExternalEntityAnswersMalformedXmlAndDeletesNothing() throws IOException {
        String bucket = server.newBucket("xxe");
        putFiles(bucket, List.of("keep.txt"));
        String secret = server.outside().resolve("secret.txt").toUri().toString();
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE Delete [<!ENTITY xxe SYSTEM \"" + secret + "\">]>\n"
                + "<Delete><Object><Key>keep.txt</Key></Object><Object><Key>&xxe;</Key></Object></Delete>")
                .getBytes(StandardCharsets.UTF_8);
        TreeSnapshot before = TreeSnapshot.of(server.base());

        RawResponse response = server.sendSigned(deleteRequest(bucket, body).withHeader("Content-MD5", Digests.md5Base64(body)));

        S3Assert.assertS3Error(response, 400, "MalformedXML");
        assertFalse(response.text().contains(TestServer.SECRET_OUTSIDE.trim()), "the entity was never expanded");
        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    private void putFiles(String bucket, List<String> keys) throws IOException {
        for (String key : keys) {
            FixtureTree.put(server.root(), bucket, key, key.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static List<ObjectIdentifier> ids(List<String> keys) {
        return keys.stream().map(key -> ObjectIdentifier.builder().key(key).build()).toList();
    }

    private static Set<String> deletedKeys(DeleteObjectsResponse response) {
        return response.deleted().stream().map(DeletedObject::key).collect(Collectors.toSet());
    }

    private static byte[] deleteBody(String... keys) {
        List<String> objects = new ArrayList<>();
        for (String key : keys) {
            objects.add("<Object><Key>" + key + "</Key></Object>");
        }
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" + String.join("", objects) + "</Delete>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private RawRequest deleteRequest(String bucket, byte[] body) {
        return server.request("POST", "/" + bucket + "?delete").withHeader("Content-Type", "application/xml").withBody(body);
    }
}
