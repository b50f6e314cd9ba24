package dev.cubby.s3.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.auth.Access;
import dev.cubby.auth.Grantee;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.Operation;
import dev.cubby.s3.Owners;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AclHandlersTest {
    private static final String ADMIN = Access.admin().canonicalId();

    @TempDir
    Path root;
    HandlerStore hs;
    AclHandlers handler;

    @BeforeEach
    void open() throws Exception {
        hs = new HandlerStore(root, "bkt");
        hs.put("bkt", "k", "x");
        handler = new AclHandlers(hs.store, new Owners(hs.store, ADMIN, null));
    }

    @AfterEach
    void close() {
        hs.close();
    }

    private static String policy(String grantee, String permission) {
        return "<AccessControlPolicy><Owner><ID>abc123</ID></Owner><AccessControlList><Grant>"
                + "<Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\">"
                + grantee + "</Grantee><Permission>" + permission + "</Permission></Grant>"
                + "</AccessControlList></AccessControlPolicy>";
    }

    private int putObjectAcl(Map<String, String> headers, String body) {
        return handler.putObjectAcl(RequestFixture.request(Operation.PUT_OBJECT_ACL, "bkt", "k", headers, body)).status();
    }

    private String objectAcl() {
        S3Response.Xml answer = (S3Response.Xml) handler.getObjectAcl(
                RequestFixture.request(Operation.GET_OBJECT_ACL, "bkt", "k", Map.of(), ""));
        return new String(XmlWriter.render(answer.document()), StandardCharsets.UTF_8);
    }

    private String refused(Map<String, String> headers, String body) {
        return assertThrows(S3Exception.class, () -> putObjectAcl(headers, body)).code().wireCode();
    }

    @Test
    void withoutAnAclTheOwnerHoldsFullControl() {
        String acl = objectAcl();
        assertTrue(acl.contains("<ID>" + ADMIN + "</ID>"), acl);
        assertTrue(acl.contains("<Permission>FULL_CONTROL</Permission>"), acl);
        assertTrue(!acl.contains("Group"), acl);
    }

    @Test
    void aCannedAclIsStoredAndAnswered() {
        assertEquals(200, putObjectAcl(Map.of("x-amz-acl", "public-read"), ""));
        String acl = objectAcl();
        assertTrue(acl.contains("<URI>" + Grantee.ALL_USERS_URI + "</URI>"), acl);
        assertTrue(acl.contains("<Permission>READ</Permission>"), acl);
    }

    @Test
    void anAccessControlPolicyBodyIsStoredAndAnswered() {
        assertEquals(200, putObjectAcl(Map.of(), policy("<URI>" + Grantee.AUTHENTICATED_USERS_URI + "</URI>", "WRITE_ACP")));
        String acl = objectAcl();
        assertTrue(acl.contains(Grantee.AUTHENTICATED_USERS_URI), acl);
        assertTrue(acl.contains("<Permission>WRITE_ACP</Permission>"), acl);
    }

    @Test
    void badGranteesAreRefusedWithS3sCodes() {
        assertEquals("InvalidArgument", refused(Map.of("x-amz-grant-read", "id=\"" + "0".repeat(64) + "\""), ""));
        assertEquals("InvalidArgument", refused(Map.of(), policy("<ID>nobody</ID>", "READ")));
        assertEquals("UnresolvableGrantByEmailAddress", refused(Map.of("x-amz-grant-read", "emailAddress=\"a@b.c\""), ""));
        assertEquals("MalformedACLError", refused(Map.of(), policy("<ID>" + ADMIN + "</ID>", "EVERYTHING")));
        assertEquals("InvalidArgument", refused(Map.of("x-amz-acl", "world-writable"), ""));
        assertEquals("NotImplemented", refused(Map.of("x-amz-acl", "aws-exec-read"), ""));
        assertEquals("InvalidRequest", refused(Map.of("x-amz-acl", "private",
                "x-amz-grant-read", "uri=\"" + Grantee.ALL_USERS_URI + "\""), ""));
        assertEquals("MalformedACLError", refused(Map.of(), ""));
    }

    @Test
    void grantHeadersNameKeysAndGroups() {
        assertEquals(200, putObjectAcl(Map.of("x-amz-grant-full-control", "id=\"" + ADMIN + "\"",
                "x-amz-grant-read", "uri=\"" + Grantee.ALL_USERS_URI + "\""), ""));
        String acl = objectAcl();
        assertTrue(acl.contains("<ID>" + ADMIN + "</ID>") && acl.contains("FULL_CONTROL"), acl);
        assertTrue(acl.contains(Grantee.ALL_USERS_URI + "</URI></Grantee><Permission>READ<"), acl);
    }

    @Test
    void groupGrantsAreListedBeforeKeysWhateverTheOrderGiven() {
        assertEquals(200, putObjectAcl(Map.of(), "<AccessControlPolicy><AccessControlList>"
                + "<Grant><Grantee><ID>" + ADMIN + "</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>"
                + "<Grant><Grantee><URI>" + Grantee.ALL_USERS_URI + "</URI></Grantee><Permission>READ</Permission></Grant>"
                + "</AccessControlList></AccessControlPolicy>"));
        String acl = objectAcl();
        assertTrue(acl.indexOf("AllUsers") < acl.indexOf("FULL_CONTROL"), acl);
    }

    @Test
    void bucketOwnerEnforcedRefusesEveryCannedAclButBucketOwnerFullControl() {
        hs.store.bucketSettings().put("bkt", dev.cubby.meta.BucketSettings.OWNERSHIP_CONTROLS, "BucketOwnerEnforced");
        assertEquals("AccessControlListNotSupported", refused(Map.of("x-amz-acl", "public-read"), ""));
        assertEquals("AccessControlListNotSupported", refused(Map.of("x-amz-acl", "private"), ""));
        assertEquals(200, putObjectAcl(Map.of("x-amz-acl", "bucket-owner-full-control"), ""));
        assertEquals("AccessControlListNotSupported", RequestFixture.errorCode(() -> handler.putBucketAcl(
                RequestFixture.request(Operation.PUT_BUCKET_ACL, "bkt", null, Map.of("x-amz-acl", "private"), ""))));
    }

    @Test
    void aclsOfMissingObjectsAreNoSuchKey() {
        assertEquals("NoSuchKey", RequestFixture.errorCode(() -> handler.getObjectAcl(
                RequestFixture.request(Operation.GET_OBJECT_ACL, "bkt", "none", Map.of(), ""))));
    }
}
