package dev.cubby.s3.handler;

import dev.cubby.auth.Acl;
import dev.cubby.auth.AclPermission;
import dev.cubby.auth.CannedAcl;
import dev.cubby.auth.Grantee;
import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.Owners;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.xml.SafeXmlReader;
import dev.cubby.s3.xml.XmlElement;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one reading of an ACL a request asks for: the canned {@code x-amz-acl}, the
 * {@code x-amz-grant-*} headers (on CreateBucket, PutObject, CopyObject, CreateMultipartUpload
 * and the Put*Acl operations) or an AccessControlPolicy body (Put*Acl). Grantees are a key's
 * canonical user id (one no key has is refused with InvalidArgument), the AllUsers or
 * AuthenticatedUsers group; an email address cannot be resolved (keys have none).
 */
final class AclHeaders {
    private static final Map<String, AclPermission> GRANT_HEADERS = Map.of(
            "x-amz-grant-read", AclPermission.READ,
            "x-amz-grant-write", AclPermission.WRITE,
            "x-amz-grant-read-acp", AclPermission.READ_ACP,
            "x-amz-grant-write-acp", AclPermission.WRITE_ACP,
            "x-amz-grant-full-control", AclPermission.FULL_CONTROL);
    /** The order S3 lists header grants in. */
    private static final List<String> GRANT_ORDER = List.of("x-amz-grant-full-control", "x-amz-grant-read",
            "x-amz-grant-read-acp", "x-amz-grant-write", "x-amz-grant-write-acp");

    private AclHeaders() {
    }

    /** Whether the request carries x-amz-acl or an x-amz-grant-* header. */
    static boolean present(S3Request request) {
        return request.header("x-amz-acl") != null || GRANT_HEADERS.keySet().stream().anyMatch(h -> request.header(h) != null);
    }

    /**
     * The ACL the headers ask for, or null when they name none.
     *
     * @param ownerId       who will own the bucket or object
     * @param bucketOwnerId the bucket's owner (for the bucket-owner-* canned ACLs)
     */
    static Acl requested(S3Request request, String ownerId, String bucketOwnerId, Owners owners) {
        String canned = request.header("x-amz-acl");
        var grants = new ArrayList<Acl.Grant>();
        for (String header : GRANT_ORDER) {
            String value = request.header(header);
            if (value != null) {
                for (String grantee : value.split(",")) {
                    grants.add(new Acl.Grant(grantee(grantee.trim(), owners), GRANT_HEADERS.get(header)));
                }
            }
        }
        if (canned != null && !grants.isEmpty()) {
            throw S3Exception.of(S3ErrorCode.INVALID_REQUEST,
                    "Specifying both Canned ACLs (x-amz-acl) and Header Grants (x-amz-grant-*) is not allowed.");
        }
        if (canned != null) {
            return canned(canned.trim()).grants(ownerId, bucketOwnerId);
        }
        return grants.isEmpty() ? null : new Acl(grants);
    }

    static CannedAcl canned(String name) {
        CannedAcl canned = CannedAcl.named(name);
        if (canned != null) {
            return canned;
        }
        if (name.equals("aws-exec-read") || name.equals("log-delivery-write")) {
            throw S3Exception.of(S3ErrorCode.NOT_IMPLEMENTED, "The canned ACL '" + name + "' grants rights to AWS "
                    + "services, which Cubby has none of: use private, public-read, public-read-write, "
                    + "authenticated-read, bucket-owner-read or bucket-owner-full-control.");
        }
        throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "The canned ACL '" + name + "' (x-amz-acl) is not one of "
                + "private, public-read, public-read-write, authenticated-read, bucket-owner-read, "
                + "bucket-owner-full-control.");
    }

    /** One grantee of a grant header: {@code id="..."}, {@code uri="..."} or {@code emailAddress="..."}. */
    private static Grantee grantee(String text, Owners owners) {
        int equals = text.indexOf('=');
        if (equals < 0) {
            throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "The grantee '" + text + "' must be written "
                    + "id=\"CANONICAL-ID\", uri=\"GROUP-URI\" or emailAddress=\"...\".");
        }
        String type = text.substring(0, equals).trim().toLowerCase(java.util.Locale.ROOT);
        String value = text.substring(equals + 1).trim().replace("\"", "");
        return switch (type) {
            case "id" -> user(value, owners);
            case "uri" -> group(value);
            case "emailaddress" -> throw unresolvableEmail(value);
            default -> throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "The grantee type '" + type
                    + "' is not one of id, uri, emailAddress.");
        };
    }

    private static Grantee user(String id, Owners owners) {
        if (!owners.isKnown(id)) {
            throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "Invalid id: no access key has the canonical user id '"
                    + id + "' (cubby keys create prints each key's).");
        }
        return new Grantee.CanonicalUser(id);
    }

    private static Grantee group(String uri) {
        if (uri.equals(Grantee.ALL_USERS_URI)) {
            return Grantee.Group.ALL_USERS;
        }
        if (uri.equals(Grantee.AUTHENTICATED_USERS_URI)) {
            return Grantee.Group.AUTHENTICATED_USERS;
        }
        throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "The group '" + uri + "' is not one Cubby knows: use "
                + Grantee.ALL_USERS_URI + " or " + Grantee.AUTHENTICATED_USERS_URI + ".");
    }

    private static S3Exception unresolvableEmail(String email) {
        return S3Exception.of(S3ErrorCode.UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS, "The email address '" + email
                + "' matches no key: Cubby's keys have no email addresses; grant by canonical user id instead.");
    }

    /** The grants of an AccessControlPolicy body (its Owner element is not a grant and is ignored). */
    static Acl fromBody(byte[] body, int maxBytes, Owners owners) {
        XmlElement policy = SafeXmlReader.parse(new ByteArrayInputStream(body), maxBytes);
        if (!policy.name().equals("AccessControlPolicy")) {
            throw S3Exception.of(S3ErrorCode.MALFORMED_ACL, "Expected <AccessControlPolicy>, found <" + policy.name() + ">.");
        }
        var grants = new ArrayList<Acl.Grant>();
        for (XmlElement grant : policy.child("AccessControlList").map(list -> list.childrenNamed("Grant"))
                .orElse(List.of())) {
            XmlElement grantee = grant.child("Grantee").orElseThrow(() -> S3Exception.of(S3ErrorCode.MALFORMED_ACL,
                    "Each <Grant> needs a <Grantee>."));
            Grantee who;
            if (grantee.childText("ID").isPresent()) {
                who = user(grantee.childText("ID").get().trim(), owners);
            } else if (grantee.childText("URI").isPresent()) {
                who = group(grantee.childText("URI").get().trim());
            } else if (grantee.childText("EmailAddress").isPresent()) {
                throw unresolvableEmail(grantee.childText("EmailAddress").get().trim());
            } else {
                throw S3Exception.of(S3ErrorCode.MALFORMED_ACL, "A <Grantee> needs an <ID>, a <URI> or an <EmailAddress>.");
            }
            String permission = grant.childText("Permission").orElse("").trim();
            try {
                grants.add(new Acl.Grant(who, AclPermission.parse(permission)));
            } catch (IllegalArgumentException e) {
                throw S3Exception.of(S3ErrorCode.MALFORMED_ACL, "In a <Grant>, " + e.getMessage() + ".");
            }
        }
        return new Acl(grants);
    }
}
