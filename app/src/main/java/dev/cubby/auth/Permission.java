package dev.cubby.auth;

/** What an operation needs of the caller's grant on the bucket (or the service, for ListBuckets). */
public enum Permission {
    /** Listing buckets: every signed caller may, and sees what its grants allow. */
    LIST_BUCKETS,
    READ,
    WRITE,
    /** Creating and deleting buckets. */
    OWNER
}
