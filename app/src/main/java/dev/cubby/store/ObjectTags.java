package dev.cubby.store;

import dev.cubby.meta.Sidecar;
import java.util.Map;
import java.util.SortedMap;

/**
 * Object tags, kept in the sidecar beside the object. Reading or changing an object's tags
 * requires the object to exist (NoSuchKey otherwise); the sidecar drops them when the object is
 * overwritten or deleted. Limits on tags are S3's rules and are checked by the S3 layer.
 */
public final class ObjectTags {
    private final Sidecar sidecar;
    private final ObjectReader reader;

    ObjectTags(Sidecar sidecar, ObjectReader reader) {
        this.sidecar = sidecar;
        this.reader = reader;
    }

    public SortedMap<String, String> get(String bucket, String key) {
        StoredObject object = reader.head(bucket, key);
        return sidecar.tags().find(object.bucket(), object.key());
    }

    /** Replaces the object's tags; an empty map removes them. */
    public void put(String bucket, String key, Map<String, String> tags) {
        StoredObject object = reader.head(bucket, key);
        sidecar.tags().replace(object.bucket(), object.key(), tags);
    }

    public void delete(String bucket, String key) {
        put(bucket, key, Map.of());
    }

    /** How many tags an object that was just looked up has; no existence check. */
    public int count(StoredObject object) {
        return sidecar.tags().find(object.bucket(), object.key()).size();
    }
}
