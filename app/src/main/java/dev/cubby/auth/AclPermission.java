package dev.cubby.auth;

/** What an ACL grant gives its grantee, in S3's words; FULL_CONTROL is all four. */
public enum AclPermission {
    READ, WRITE, READ_ACP, WRITE_ACP, FULL_CONTROL;

    /** Whether a grant of this permission gives {@code needed}. */
    public boolean gives(AclPermission needed) {
        return this == FULL_CONTROL || this == needed;
    }

    /** @throws IllegalArgumentException when {@code text} is not one of S3's five permissions */
    public static AclPermission parse(String text) {
        for (AclPermission permission : values()) {
            if (permission.name().equals(text)) {
                return permission;
            }
        }
        throw new IllegalArgumentException("the permission '" + text + "' is not one of READ, WRITE, READ_ACP, "
                + "WRITE_ACP, FULL_CONTROL");
    }
}
