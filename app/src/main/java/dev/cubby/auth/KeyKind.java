package dev.cubby.auth;

import java.util.Locale;

/** What an access key is for; its kind decides how it is shown and whether it may be renewed. */
public enum KeyKind {
    /** The administrator's key: every bucket, and the owner of every bucket no other key created. */
    ADMIN,
    /** Made by {@code cubby keys create}: lasts until revoked or until its optional expiry. */
    MANUAL,
    /** Made by {@code cubby keys create --session}: short-lived, renewable. */
    SESSION,
    /** Made by {@code cubby share}: signs one link, reads one object, expires with the link. */
    SHARE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KeyKind fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
