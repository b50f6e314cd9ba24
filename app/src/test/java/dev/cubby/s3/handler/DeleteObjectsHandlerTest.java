package dev.cubby.s3.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.error.S3Exception;
import dev.cubby.s3.Operation;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.xml.DeleteResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeleteObjectsHandlerTest {
    private static final String BODY = "<Delete><Object><Key>a</Key></Object><Object><Key>missing</Key></Object>"
            + "<Object><Key>../up</Key></Object><Object><Key>d/b</Key></Object></Delete>";

    @TempDir
    Path root;
    HandlerStore hs;
    DeleteObjectsHandler handler;

    @BeforeEach
    void open() throws Exception {
        hs = new HandlerStore(root, "bkt");
        hs.put("bkt", "a", "1");
        hs.put("bkt", "d/b", "2");
        handler = new DeleteObjectsHandler(hs.store);
    }

    @AfterEach
    void close() {
        hs.close();
    }

    private DeleteResult delete(Map<String, String> headers, String body) {
        S3Response response = handler.deleteObjects(RequestFixture.request(Operation.DELETE_OBJECTS, "bkt", null,
                headers, body));
        return (DeleteResult) ((S3Response.Xml) response).document();
    }

    private static String crc32(String body) {
        var crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        long v = crc.getValue();
        return Base64.getEncoder().encodeToString(new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v});
    }

    @Test
    void deletesEachKeyReportsFailuresAndCountsMissingKeysAsDeleted() {
        DeleteResult result = delete(Map.of("x-amz-checksum-crc32", crc32(BODY)), BODY);
        assertEquals(List.of("a", "missing", "d/b"), result.deleted().stream().map(DeleteResult.Deleted::key).toList());
        assertEquals(1, result.errors().size());
        assertEquals("../up", result.errors().getFirst().key());
        assertEquals("InvalidArgument", result.errors().getFirst().code());
        assertTrue(Files.notExists(root.resolve("bkt/a")));
        assertTrue(Files.notExists(root.resolve("bkt/d")), "the folder Cubby made goes with its last object");
    }

    @Test
    void quietModeReportsOnlyErrors() throws Exception {
        String quiet = BODY.replace("<Delete>", "<Delete><Quiet>true</Quiet>");
        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5")
                .digest(quiet.getBytes(StandardCharsets.UTF_8)));
        DeleteResult result = delete(Map.of("Content-MD5", md5), quiet);
        assertTrue(result.deleted().isEmpty());
        assertEquals(1, result.errors().size());
    }

    @Test
    void theNullVersionDeletesAndIsEchoedAnyOtherIsThatKeysInvalidArgument() {
        String body = "<Delete><Object><Key>a</Key><VersionId>null</VersionId></Object>"
                + "<Object><Key>d/b</Key><VersionId>v2</VersionId></Object></Delete>";
        DeleteResult result = delete(Map.of("x-amz-checksum-crc32", crc32(body)), body);
        assertEquals(List.of(new DeleteResult.Deleted("a", "null")), result.deleted());
        assertEquals(1, result.errors().size());
        DeleteResult.Failure failure = result.errors().getFirst();
        assertEquals("d/b", failure.key());
        assertEquals("v2", failure.versionId());
        assertEquals("InvalidArgument", failure.code());
        assertTrue(failure.message().startsWith("Invalid version id specified"), failure.message());
        assertTrue(Files.notExists(root.resolve("bkt/a")));
        assertTrue(Files.exists(root.resolve("bkt/d/b")), "a key with another version id is left alone");
    }

    @Test
    void aWrongChecksumOrMd5DeletesNothing() {
        assertEquals("BadDigest", assertThrows(S3Exception.class,
                () -> delete(Map.of("x-amz-checksum-crc32", crc32(BODY + " ")), BODY)).code().wireCode());
        assertEquals("BadDigest", assertThrows(S3Exception.class,
                () -> delete(Map.of("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg=="), BODY)).code().wireCode());
        assertTrue(Files.exists(root.resolve("bkt/a")));
        assertTrue(Files.exists(root.resolve("bkt/d/b")));
    }
}
