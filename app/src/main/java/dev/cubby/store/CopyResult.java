package dev.cubby.store;

import dev.cubby.meta.StoredChecksum;
import java.time.Instant;

/** What a copy produced: the target's ETag, time and kept checksum (null when none). */
public record CopyResult(String etag, Instant lastModified, StoredChecksum checksum) {
}
