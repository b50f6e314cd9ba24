package dev.cubby.server;

import java.time.Instant;

/**
 * What one S3 request did, as the audit log and the metrics record it.
 *
 * @param accessKeyId the signer, or null when unsigned or refused before the signature was read
 * @param operation   the S3 operation's name (e.g. {@code PutObject}), or null when none was found
 * @param bucket      the bucket addressed, or null
 * @param key         the object key addressed, or null
 * @param nanos       from the request's arrival to the end of its answer
 */
record CompletedRequest(Instant time, String requestId, String client, String accessKeyId, String operation,
                        String bucket, String key, int status, long bytesIn, long bytesOut, long nanos) {
}
