package dev.cubby.s3.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cubby.error.S3Exception;
import dev.cubby.s3.Operation;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.xml.CopyObjectResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyObjectHandlerTest {
    @TempDir
    Path root;
    HandlerStore hs;
    CopyObjectHandler handler;

    @BeforeEach
    void open() throws Exception {
        hs = new HandlerStore(root, "bkt", "other");
        hs.put("bkt", "src.txt", "content");
        hs.store.tags().put("bkt", "src.txt", Map.of("team", "a"));
        handler = new CopyObjectHandler(hs.store, new dev.cubby.s3.Owners(hs.store, "abc123", null));
    }

    @AfterEach
    void close() {
        hs.close();
    }

    private S3Response copy(String bucket, String key, Map<String, String> headers) {
        return handler.copy(RequestFixture.request(Operation.COPY_OBJECT, bucket, key, headers, ""));
    }

    private String failure(String bucket, String key, Map<String, String> headers) {
        return RequestFixture.errorCode(() -> copy(bucket, key, headers));
    }

    @Test
    void copiesBytesAndTagsAndAnswersWithTheNewEtag() throws Exception {
        var result = (CopyObjectResult) ((S3Response.Xml) copy("other", "dst.txt",
                Map.of("x-amz-copy-source", "/bkt/src.txt"))).document();
        assertEquals(hs.store.head("bkt", "src.txt").etag(), result.etag());
        assertEquals("content", Files.readString(root.resolve("other/dst.txt")));
        assertEquals(Map.of("team", "a"), hs.store.tags().get("other", "dst.txt"));
    }

    @Test
    void taggingDirectiveReplaceTakesTheHeadersTags() {
        copy("other", "dst.txt", Map.of("x-amz-copy-source", "bkt/src.txt", "x-amz-tagging-directive", "REPLACE",
                "x-amz-tagging", "k=v"));
        assertEquals(Map.of("k", "v"), hs.store.tags().get("other", "dst.txt"));
    }

    @Test
    void copyingOntoItselfNeedsReplaceAndThenKeepsTheEtagAndTags() {
        assertEquals("InvalidRequest", failure("bkt", "src.txt", Map.of("x-amz-copy-source", "bkt/src.txt")));
        String etag = hs.store.head("bkt", "src.txt").etag();
        copy("bkt", "src.txt", Map.of("x-amz-copy-source", "bkt/src.txt", "x-amz-metadata-directive", "REPLACE",
                "content-type", "text/x-new"));
        assertEquals(etag, hs.store.head("bkt", "src.txt").etag());
        assertEquals("text/x-new", hs.store.head("bkt", "src.txt").metadata().contentType());
        assertEquals(Map.of("team", "a"), hs.store.tags().get("bkt", "src.txt"));
    }

    @Test
    void sourcePreconditionsFailWith412EvenWhereAGetWouldSay304() {
        String etag = hs.store.head("bkt", "src.txt").etag();
        assertEquals("PreconditionFailed", failure("other", "x", Map.of("x-amz-copy-source", "bkt/src.txt",
                "x-amz-copy-source-if-none-match", "\"" + etag + "\"")));
        assertEquals("PreconditionFailed", failure("other", "x", Map.of("x-amz-copy-source", "bkt/src.txt",
                "x-amz-copy-source-if-match", "\"other\"")));
        assertEquals("PreconditionFailed", failure("other", "x", Map.of("x-amz-copy-source", "bkt/src.txt",
                "x-amz-copy-source-if-modified-since", "Fri, 01 Jan 2100 00:00:00 GMT")));
        assertEquals("PreconditionFailed", failure("other", "x", Map.of("x-amz-copy-source", "bkt/src.txt",
                "x-amz-copy-source-if-unmodified-since", "Thu, 01 Jan 1970 00:00:00 GMT")));
        assertEquals(false, Files.exists(root.resolve("other/x")));
        copy("other", "x", Map.of("x-amz-copy-source", "bkt/src.txt", "x-amz-copy-source-if-match", etag));
        assertEquals(true, Files.exists(root.resolve("other/x")));
    }

    @Test
    void aMissingSourceIsNoSuchKeyAndABadDirectiveIsRefused() {
        assertEquals("NoSuchKey", failure("other", "x", Map.of("x-amz-copy-source", "bkt/none")));
        assertEquals("NoSuchBucket", failure("other", "x", Map.of("x-amz-copy-source", "nobucket/none")));
        assertEquals("InvalidArgument", failure("other", "x", Map.of("x-amz-copy-source", "bkt/src.txt",
                "x-amz-metadata-directive", "MERGE")));
    }
}
