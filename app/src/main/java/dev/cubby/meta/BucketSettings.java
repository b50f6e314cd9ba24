package dev.cubby.meta;

import java.util.Optional;

/**
 * A bucket's configuration documents (its policy, CORS rules, ACL, ownership controls, public
 * access block, tags...), one text value per setting name. Kept in the sidecar and forgotten with
 * the bucket, so a bucket deleted and made again starts with none.
 */
public interface BucketSettings {
    /** Setting names: one constant per document, so no two features share a name by accident. */
    String POLICY = "policy";
    String CORS = "cors";
    String ACL = "acl";
    String OWNER = "owner";
    String OWNERSHIP_CONTROLS = "ownership-controls";
    String PUBLIC_ACCESS_BLOCK = "public-access-block";
    String TAGGING = "tagging";

    Optional<String> find(String bucket, String name);

    /** Stores the setting, replacing any value it had. */
    void put(String bucket, String name, String value);

    /** @return whether the bucket had the setting */
    boolean delete(String bucket, String name);
}
