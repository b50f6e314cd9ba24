package dev.cubby.store;

import java.time.Instant;

/** What a committed write produced. */
public record PutResult(String etag, BodyDigests digests, Instant lastModified) {
}
