package dev.cubby.store;

/** A part as named in a CompleteMultipartUpload request: number and ETag (unquoted). */
public record CompletedPart(int partNumber, String etag) {
}
