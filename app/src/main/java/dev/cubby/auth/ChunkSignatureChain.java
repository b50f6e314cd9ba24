package dev.cubby.auth;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.util.Locale;

/**
 * The running chain of signatures in a signed aws-chunked body. Each chunk's signature covers its
 * data and the previous signature (the request's seed signature for the first chunk), and the
 * trailer signature covers the trailers and the final chunk's signature; so a verified chain
 * proves the chunks arrived complete and in order.
 *
 * <p>One instance per body; not thread-safe.
 */
final class ChunkSignatureChain {
    private final SigningContext signing;
    private String previous;

    ChunkSignatureChain(SigningContext signing) {
        this.signing = signing;
        this.previous = signing.seedSignature();
    }

    /**
     * Checks chunk {@code number} (1-based, for the message) and advances the chain.
     *
     * @param dataSha256Hex hex SHA-256 of the chunk's data ({@link Sha256#EMPTY_HEX} for the final chunk)
     */
    void verifyChunk(long number, String dataSha256Hex, String claimed) {
        String stringToSign =
                StringToSign.forChunk(signing.amzDate(), signing.scope(), previous, dataSha256Hex);
        if (!signing.signingKey().matches(stringToSign, claimed)) {
            throw S3Exception.of(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, "The chunk-signature of chunk " + number
                    + " does not match its data; the upload was altered or signed with another key.");
        }
        previous = claimed.toLowerCase(Locale.ROOT);
    }

    /** Checks {@code x-amz-trailer-signature} over the trailer lines ({@code name:value\n} each). */
    void verifyTrailer(String trailerSha256Hex, String claimed) {
        if (claimed == null) {
            throw S3Exception.of(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                    "The trailing headers carry no x-amz-trailer-signature, which "
                            + "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER requires.");
        }
        String stringToSign =
                StringToSign.forTrailer(signing.amzDate(), signing.scope(), previous, trailerSha256Hex);
        if (!signing.signingKey().matches(stringToSign, claimed)) {
            throw S3Exception.of(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                    "The x-amz-trailer-signature does not match the trailing headers; they were altered in transit.");
        }
        previous = claimed.toLowerCase(Locale.ROOT);
    }
}
