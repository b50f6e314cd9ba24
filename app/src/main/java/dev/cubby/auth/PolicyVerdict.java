package dev.cubby.auth;

/** What a bucket's policy says about one request: an explicit Deny wins over every Allow. */
public enum PolicyVerdict {
    /** A statement allows it and none denies it. */
    ALLOW,
    /** A statement denies it: nothing else (grants, ownership, ACLs) can allow it then. */
    DENY,
    /** No statement applies (or the bucket has no policy): the other rules decide. */
    NONE
}
