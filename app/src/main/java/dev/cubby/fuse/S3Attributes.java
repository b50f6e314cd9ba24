package dev.cubby.fuse;

import dev.cubby.meta.ObjectMetadata;
import dev.cubby.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import ru.serce.jnrfuse.ErrorCodes;

/**
 * S3 metadata as extended attributes: {@code user.s3.content_type} and {@code user.s3.meta.NAME}
 * (read and write, kept in the sidecar like metadata sent over S3) and {@code user.s3.etag}
 * (read only: the ETag an S3 client sees now). Other names are not supported.
 */
final class S3Attributes {
    static final String CONTENT_TYPE = "user.s3.content_type";
    static final String ETAG = "user.s3.etag";
    static final String META_PREFIX = "user.s3.meta.";

    private final ObjectStore store;

    S3Attributes(ObjectStore store) {
        this.store = store;
    }

    /** The attribute's value, or empty when the object has none of that name. */
    Optional<byte[]> get(String bucket, String key, String name) {
        if (name.equals(ETAG)) {
            return Optional.of(store.head(bucket, key).etag().getBytes(StandardCharsets.UTF_8));
        }
        ObjectMetadata metadata = store.localFiles().metadata(bucket, key);
        String value = name.equals(CONTENT_TYPE) ? metadata.contentType()
                : name.startsWith(META_PREFIX) ? metadata.userMetadata().get(metaName(name)) : null;
        return Optional.ofNullable(value).map(v -> v.getBytes(StandardCharsets.UTF_8));
    }

    List<String> names(String bucket, String key) {
        var names = new ArrayList<String>();
        names.add(ETAG);
        ObjectMetadata metadata = store.localFiles().metadata(bucket, key);
        if (metadata.contentType() != null) {
            names.add(CONTENT_TYPE);
        }
        metadata.userMetadata().keySet().forEach(n -> names.add(META_PREFIX + n));
        return names;
    }

    /** Sets ({@code value} non-null) or removes an attribute; returns 0 or a negative errno. */
    int set(String bucket, String key, String name, String value) {
        if (name.equals(ETAG)) {
            return -ErrorCodes.EPERM();
        }
        ObjectMetadata m = store.localFiles().metadata(bucket, key);
        ObjectMetadata changed;
        if (name.equals(CONTENT_TYPE)) {
            if (value == null && m.contentType() == null) {
                return -ErrorCodes.ENODATA();
            }
            changed = new ObjectMetadata(value, m.cacheControl(), m.contentDisposition(), m.contentEncoding(),
                    m.contentLanguage(), m.expires(), m.userMetadata());
        } else if (name.startsWith(META_PREFIX) && name.length() > META_PREFIX.length()) {
            var user = new TreeMap<>(m.userMetadata());
            if (value == null) {
                if (user.remove(metaName(name)) == null) {
                    return -ErrorCodes.ENODATA();
                }
            } else {
                user.put(metaName(name), value);
            }
            changed = m.withUserMetadata(user);
        } else {
            return -Errno.ENOTSUP;
        }
        store.localFiles().setMetadata(bucket, key, changed);
        return 0;
    }

    /** S3 user metadata names are case-insensitive and kept in lower case. */
    private static String metaName(String attribute) {
        return attribute.substring(META_PREFIX.length()).toLowerCase(Locale.ROOT);
    }
}
