package dev.cubby.s3.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cubby.error.S3Exception;
import dev.cubby.s3.Operation;
import dev.cubby.s3.xml.Owner;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AclHandlersTest {
    private static final Owner OWNER = new Owner("abc123", "cubby");

    @TempDir
    Path root;
    HandlerStore hs;
    AclHandlers handler;

    @BeforeEach
    void open() throws Exception {
        hs = new HandlerStore(root, "bkt");
        hs.put("bkt", "k", "x");
        handler = new AclHandlers(hs.store, OWNER);
    }

    @AfterEach
    void close() {
        hs.close();
    }

    private static String policy(String granteeId, String permission) {
        return "<AccessControlPolicy><Owner><ID>abc123</ID></Owner><AccessControlList><Grant>"
                + "<Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\">"
                + "<ID>" + granteeId + "</ID></Grantee><Permission>" + permission + "</Permission></Grant>"
                + "</AccessControlList></AccessControlPolicy>";
    }

    private int putObjectAcl(Map<String, String> headers, String body) {
        return handler.putObjectAcl(RequestFixture.request(Operation.PUT_OBJECT_ACL, "bkt", "k", headers, body)).status();
    }

    private String refused(Map<String, String> headers, String body) {
        return assertThrows(S3Exception.class, () -> putObjectAcl(headers, body)).code().wireCode();
    }

    @Test
    void privateOrOwnerOnlyAclsAreAccepted() {
        assertEquals(200, putObjectAcl(Map.of(), ""));
        assertEquals(200, putObjectAcl(Map.of("x-amz-acl", "private"), ""));
        assertEquals(200, putObjectAcl(Map.of(), policy("abc123", "FULL_CONTROL")));
        assertEquals(200, handler.putBucketAcl(RequestFixture.request(Operation.PUT_BUCKET_ACL, "bkt", null,
                Map.of("x-amz-acl", "private"), "")).status());
    }

    @Test
    void anythingElseIsNotImplemented() {
        assertEquals("NotImplemented", refused(Map.of("x-amz-acl", "public-read"), ""));
        assertEquals("NotImplemented", refused(Map.of("x-amz-grant-read", "uri=\"http://acs.amazonaws.com/groups/global/AllUsers\""), ""));
        assertEquals("NotImplemented", refused(Map.of(), policy("someone-else", "FULL_CONTROL")));
        assertEquals("NotImplemented", refused(Map.of(), policy("abc123", "READ")));
    }

    @Test
    void aclsOfMissingObjectsAreNoSuchKey() {
        assertEquals("NoSuchKey", RequestFixture.errorCode(() -> handler.getObjectAcl(
                RequestFixture.request(Operation.GET_OBJECT_ACL, "bkt", "none", Map.of(), ""))));
    }
}
