package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.xml.AccessControlPolicy;
import dev.cubby.s3.xml.Owner;
import dev.cubby.s3.xml.SafeXmlReader;
import dev.cubby.s3.xml.XmlElement;
import dev.cubby.store.ObjectStore;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GetBucketAcl, GetObjectAcl, PutBucketAcl and PutObjectAcl. Cubby keeps no ACLs: access is
 * controlled by keys. Clients still probe for ACLs and set the canned {@code private} one, so the
 * answer is the truth in ACL terms (the owner holds FULL_CONTROL, nobody else anything), and a
 * PUT that asks for exactly that succeeds. Any other ACL would be a promise Cubby cannot keep,
 * so it is refused with NotImplemented rather than silently ignored ({@link AclHeaders}).
 */
public final class AclHandlers {
    private static final int MAX_POLICY_BYTES = 64 * 1024;

    private final ObjectStore store;
    private final Owner owner;

    public AclHandlers(ObjectStore store, Owner owner) {
        this.store = store;
        this.owner = owner;
    }

    public S3Response getBucketAcl(S3Request request) {
        store.bucket(request.bucket());
        return new S3Response.Xml(200, Map.of(), new AccessControlPolicy(owner));
    }

    public S3Response getObjectAcl(S3Request request) {
        store.head(request.bucket(), request.key());
        return new S3Response.Xml(200, Map.of(), new AccessControlPolicy(owner));
    }

    public S3Response putBucketAcl(S3Request request) {
        store.bucket(request.bucket());
        requireOwnerOnly(request, AclHeaders.BUCKET_OWNER_ONLY);
        return new S3Response.Empty(200, Map.of());
    }

    public S3Response putObjectAcl(S3Request request) {
        store.head(request.bucket(), request.key());
        requireOwnerOnly(request, AclHeaders.OBJECT_OWNER_ONLY);
        return new S3Response.Empty(200, Map.of());
    }

    private void requireOwnerOnly(S3Request request, Set<String> ownerOnly) {
        AclHeaders.requireOwnerOnly(request, ownerOnly, owner);
        byte[] body = SmallRequestBody.read(request, MAX_POLICY_BYTES);
        if (body.length > 0 && !grantsOnlyOwnerFullControl(body)) {
            throw AclHeaders.refused("an AccessControlPolicy that grants more than FULL_CONTROL to the owner");
        }
    }

    private boolean grantsOnlyOwnerFullControl(byte[] body) {
        XmlElement policy = SafeXmlReader.parse(new ByteArrayInputStream(body), MAX_POLICY_BYTES);
        if (!policy.name().equals("AccessControlPolicy")) {
            throw S3Exception.of(S3ErrorCode.MALFORMED_XML, "Expected <AccessControlPolicy>, found <" + policy.name() + ">.");
        }
        List<XmlElement> grants = policy.child("AccessControlList").map(list -> list.childrenNamed("Grant"))
                .orElse(List.of());
        if (grants.isEmpty()) {
            return false;
        }
        for (XmlElement grant : grants) {
            String grantee = grant.child("Grantee").flatMap(g -> g.childText("ID")).orElse("");
            if (!grantee.equals(owner.id()) || !grant.childText("Permission").orElse("").equals("FULL_CONTROL")) {
                return false;
            }
        }
        return true;
    }
}
