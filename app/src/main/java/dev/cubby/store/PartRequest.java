package dev.cubby.store;

import dev.cubby.checksum.ChecksumAlgorithm;
import java.io.InputStream;
import java.util.Set;

/**
 * One UploadPart. {@code kept} is the checksum stored with the part (the upload's algorithm, or
 * null); {@code verifier} refuses the body after its last byte, before the part is recorded.
 * {@code declaredSize} is the body's declared size, or {@link PutRequest#UNKNOWN_SIZE}.
 */
public record PartRequest(String bucket, String key, String uploadId, int partNumber, InputStream body,
                          Set<ChecksumAlgorithm> compute, ChecksumAlgorithm kept, PutRequest.BodyVerifier verifier,
                          long declaredSize) {

    /** A part of unknown size. */
    public PartRequest(String bucket, String key, String uploadId, int partNumber, InputStream body,
                       Set<ChecksumAlgorithm> compute, ChecksumAlgorithm kept, PutRequest.BodyVerifier verifier) {
        this(bucket, key, uploadId, partNumber, body, compute, kept, verifier, PutRequest.UNKNOWN_SIZE);
    }
}
