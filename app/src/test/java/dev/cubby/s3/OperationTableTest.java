package dev.cubby.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cubby.error.S3Exception;
import dev.cubby.s3.Operation.Target;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperationTableTest {
    private static Operation resolve(String method, Target target, Map<String, String> query, String... headers) {
        return OperationTable.resolve(method, target, query, Set.of(headers)::contains);
    }

    @Test
    void aPutWithACopySourceIsACopyAndWithoutItAPut() {
        assertEquals(Operation.COPY_OBJECT, resolve("PUT", Target.OBJECT, Map.of(), "x-amz-copy-source"));
        assertEquals(Operation.PUT_OBJECT, resolve("PUT", Target.OBJECT, Map.of(), "content-type"));
        assertEquals(Operation.PUT_OBJECT, OperationTable.resolve("PUT", Target.OBJECT, Map.of()));
    }

    @Test
    void aPlainPostToABucketIsABrowserUploadTheOnlyRowSignedInItsBody() {
        assertEquals(Operation.POST_OBJECT, resolve("POST", Target.BUCKET, Map.of(), "content-type"));
        assertEquals("s3:PutObject", Operation.POST_OBJECT.action());
        for (Operation operation : Operation.values()) {
            assertEquals(operation == Operation.POST_OBJECT, operation.authenticatedByBody(), operation.name());
        }
    }

    @Test
    void subResourcesPickTheirOwnRows() {
        assertEquals(Operation.DELETE_OBJECTS, resolve("POST", Target.BUCKET, Map.of("delete", "")));
        assertEquals(Operation.GET_BUCKET_ACL, resolve("GET", Target.BUCKET, Map.of("acl", "")));
        assertEquals(Operation.PUT_BUCKET_ACL, resolve("PUT", Target.BUCKET, Map.of("acl", "")));
        assertEquals(Operation.GET_OBJECT_ACL, resolve("GET", Target.OBJECT, Map.of("acl", "")));
        assertEquals(Operation.PUT_OBJECT_ACL, resolve("PUT", Target.OBJECT, Map.of("acl", ""), "x-amz-copy-source"));
        assertEquals(Operation.GET_OBJECT_TAGGING, resolve("GET", Target.OBJECT, Map.of("tagging", "")));
        assertEquals(Operation.PUT_OBJECT_TAGGING, resolve("PUT", Target.OBJECT, Map.of("tagging", "")));
        assertEquals(Operation.DELETE_OBJECT_TAGGING, resolve("DELETE", Target.OBJECT, Map.of("tagging", "")));
        assertEquals(Operation.GET_BUCKET_TAGGING, resolve("GET", Target.BUCKET, Map.of("tagging", "")));
        assertEquals(Operation.PUT_BUCKET_TAGGING, resolve("PUT", Target.BUCKET, Map.of("tagging", "")));
        assertEquals(Operation.DELETE_BUCKET_TAGGING, resolve("DELETE", Target.BUCKET, Map.of("tagging", "")));
    }

    @Test
    void corsRowsAndPreflights() {
        assertEquals(Operation.GET_BUCKET_CORS, resolve("GET", Target.BUCKET, Map.of("cors", "")));
        assertEquals(Operation.PUT_BUCKET_CORS, resolve("PUT", Target.BUCKET, Map.of("cors", "")));
        assertEquals(Operation.DELETE_BUCKET_CORS, resolve("DELETE", Target.BUCKET, Map.of("cors", "")));
        assertEquals(Operation.PREFLIGHT_BUCKET, resolve("OPTIONS", Target.BUCKET, Map.of()));
        assertEquals(Operation.PREFLIGHT_OBJECT, resolve("OPTIONS", Target.OBJECT, Map.of()));
        assertEquals("s3:PutBucketCORS", Operation.DELETE_BUCKET_CORS.action());
        assertEquals("MethodNotAllowed", assertThrows(S3Exception.class,
                () -> resolve("OPTIONS", Target.SERVICE, Map.of())).code().wireCode());
    }

    @Test
    void versionsAndAttributesPickTheirRows() {
        assertEquals(Operation.LIST_OBJECT_VERSIONS, resolve("GET", Target.BUCKET, Map.of("versions", "", "prefix", "a")));
        assertEquals(Operation.GET_OBJECT_ATTRIBUTES, resolve("GET", Target.OBJECT, Map.of("attributes", "")));
        // both read; only GetObject is also open to anonymous callers on public-read buckets
        assertEquals(dev.cubby.auth.Permission.READ, Operation.GET_OBJECT_ATTRIBUTES.permission());
        assertEquals(dev.cubby.auth.Permission.PUBLIC_READ, Operation.GET_OBJECT.permission());
    }

    @Test
    void theNullVersionOfAnObjectIsTheObject() {
        assertEquals(Operation.GET_OBJECT, resolve("GET", Target.OBJECT, Map.of("versionId", "null")));
        assertEquals(Operation.HEAD_OBJECT, resolve("HEAD", Target.OBJECT, Map.of("versionId", "null")));
        assertEquals(Operation.DELETE_OBJECT, resolve("DELETE", Target.OBJECT, Map.of("versionId", "null")));
        assertEquals(Operation.GET_OBJECT_TAGGING, resolve("GET", Target.OBJECT, Map.of("tagging", "", "versionId", "null")));
    }

    @Test
    void anyOtherVersionIdIsRefusedWhateverTheOperation() {
        for (String method : new String[] {"GET", "HEAD", "DELETE"}) {
            S3Exception bogus = assertThrows(S3Exception.class,
                    () -> resolve(method, Target.OBJECT, Map.of("versionId", "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY")));
            assertEquals("InvalidArgument", bogus.code().wireCode());
            assertEquals(400, bogus.code().httpStatus());
        }
        assertEquals("InvalidArgument", assertThrows(S3Exception.class,
                () -> resolve("GET", Target.OBJECT, Map.of("versionId", ""))).code().wireCode());
        assertEquals("InvalidArgument", assertThrows(S3Exception.class,
                () -> resolve("PUT", Target.OBJECT, Map.of("tagging", "", "versionId", "NULL"))).code().wireCode());
    }

    @Test
    void unimplementedSubResourcesAreStillRefusedByName() {
        assertEquals("NotImplemented", assertThrows(S3Exception.class,
                () -> resolve("GET", Target.BUCKET, Map.of("website", ""))).code().wireCode());
        assertEquals("NotImplemented", assertThrows(S3Exception.class,
                () -> resolve("PUT", Target.OBJECT, Map.of("retention", ""), "x-amz-copy-source")).code().wireCode());
        assertEquals(Operation.GET_OBJECT_TORRENT, resolve("GET", Target.OBJECT, Map.of("torrent", "")));
    }
}
