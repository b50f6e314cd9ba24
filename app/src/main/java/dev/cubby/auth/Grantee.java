package dev.cubby.auth;

/** Who an ACL grant is for: one key (by canonical user id) or one of S3's two groups. */
public sealed interface Grantee {
    String ALL_USERS_URI = "http://acs.amazonaws.com/groups/global/AllUsers";
    String AUTHENTICATED_USERS_URI = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

    /** Whether a caller with this canonical id (null: anonymous) is this grantee. */
    boolean includes(String canonicalId);

    /** A key, named by its canonical user id. */
    record CanonicalUser(String id) implements Grantee {
        @Override
        public boolean includes(String canonicalId) {
            return id.equals(canonicalId);
        }
    }

    /** AllUsers (anyone, signed or not) or AuthenticatedUsers (any key). */
    record Group(String uri) implements Grantee {
        public static final Group ALL_USERS = new Group(ALL_USERS_URI);
        public static final Group AUTHENTICATED_USERS = new Group(AUTHENTICATED_USERS_URI);

        @Override
        public boolean includes(String canonicalId) {
            return uri.equals(ALL_USERS_URI) || (canonicalId != null && uri.equals(AUTHENTICATED_USERS_URI));
        }
    }
}
