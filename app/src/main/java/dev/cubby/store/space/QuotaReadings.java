package dev.cubby.store.space;

import java.util.OptionalLong;

/** What the store tells about quotas: read only, for metrics and checks (writes reserve room through {@link SpaceLimits}). */
public interface QuotaReadings {

    /** The bucket's quota, or empty when it has none. */
    OptionalLong quota(String bucket);

    /** The bytes a quota'd bucket holds as last counted, or empty for a bucket without a quota. */
    OptionalLong usage(String bucket);
}
