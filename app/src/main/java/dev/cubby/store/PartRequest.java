package dev.cubby.store;

import dev.cubby.checksum.ChecksumAlgorithm;
import java.io.InputStream;
import java.util.Set;

/**
 * One UploadPart. {@code kept} is the checksum stored with the part (the upload's algorithm, or
 * null); {@code verifier} refuses the body after its last byte, before the part is recorded.
 */
public record PartRequest(String bucket, String key, String uploadId, int partNumber, InputStream body,
                          Set<ChecksumAlgorithm> compute, ChecksumAlgorithm kept, PutRequest.BodyVerifier verifier) {
}
