package dev.cubby.auth;

/** What an operation needs of the caller's grant on the bucket (or the service, for ListBuckets). */
public enum Permission {
    /** Listing buckets: every signed caller may, and sees the buckets its grants reach. */
    LIST_BUCKETS,
    READ,
    /**
     * READ that a public-read bucket also gives anonymous callers: GetObject, HeadObject,
     * HeadBucket and the object listings.
     */
    PUBLIC_READ,
    WRITE,
    /**
     * Creating buckets (the admin key and keys made with --create-buckets) and deleting them (the
     * admin key and the bucket's owner); no grant gives it.
     */
    OWNER;

    boolean reads() {
        return this == READ || this == PUBLIC_READ;
    }
}
