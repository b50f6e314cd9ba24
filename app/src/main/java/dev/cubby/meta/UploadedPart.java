package dev.cubby.meta;

import java.time.Instant;

/**
 * One received part. {@code fileName} names its file in the upload's staging folder; a re-sent
 * part gets a new file, so a completion that validated this row reads exactly these bytes.
 */
public record UploadedPart(String uploadId, int partNumber, long size, String etag, String checksum,
                           String fileName, Instant lastModified) {
}
