package dev.cubby.auth;

/**
 * Who a policy statement is matched against: the caller's access key id, its canonical user id
 * and its name; {@link #ANONYMOUS} for an unsigned request.
 */
public record Principal(String accessKeyId, String canonicalId, String name) {
    public static final Principal ANONYMOUS = new Principal(null, null, null);

    public boolean isAnonymous() {
        return accessKeyId == null;
    }
}
