package dev.cubby.meta;

import java.util.Optional;

/**
 * The sidecar's record of object owners and ACLs, as text the S3 layer writes and reads. An
 * object without an entry belongs to its bucket's owner, who alone may reach it. Entries belong
 * to the object version the row describes: the sidecar forgets them when it replaces or deletes
 * that row, and moves them with a rename.
 */
public interface ObjectAcls {

    /** @param owner the owner's canonical user id; @param acl the encoded grants */
    record Entry(String owner, String acl) {
    }

    Optional<Entry> find(String bucket, String key);

    /** Whether any object of the bucket has an entry (listings look owners up only then). */
    boolean anyIn(String bucket);

    /** Stores the object's owner and ACL, replacing any it had. */
    void put(String bucket, String key, Entry entry);
}
