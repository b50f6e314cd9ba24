package dev.cubby.s3.handler;

import dev.cubby.checksum.ChecksumAlgorithm;
import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.S3Request;
import dev.cubby.store.BodyDigests;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The integrity checks an upload asked for: Content-MD5, and at most one additional checksum
 * whose value arrives as an {@code x-amz-checksum-*} header or as an aws-chunked trailer. With no
 * checksum requested, CRC64NVME is computed and kept, as S3 does for new objects.
 */
record ChecksumExpectation(String contentMd5, ChecksumAlgorithm algorithm, String headerValue, boolean inTrailer) {
    static final ChecksumAlgorithm DEFAULT = ChecksumAlgorithm.CRC64NVME;

    static ChecksumExpectation of(S3Request request) {
        String md5 = request.header("content-md5");
        if (md5 != null) {
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(md5.trim());
            } catch (IllegalArgumentException e) {
                decoded = new byte[0];
            }
            if (decoded.length != 16) {
                throw S3Exception.of(S3ErrorCode.INVALID_DIGEST, "Content-MD5 must be the base64 of a 16-byte MD5.");
            }
        }
        ChecksumAlgorithm fromHeader = null;
        String value = null;
        for (ChecksumAlgorithm candidate : ChecksumAlgorithm.values()) {
            String v = request.header(candidate.headerName());
            if (v != null) {
                if (fromHeader != null) {
                    throw S3Exception.of(S3ErrorCode.INVALID_REQUEST, "Expecting a single x-amz-checksum- header. "
                            + "Multiple checksum types are not allowed.");
                }
                fromHeader = candidate;
                value = v.trim();
            }
        }
        ChecksumAlgorithm fromTrailer = null;
        String trailer = request.header("x-amz-trailer");
        if (trailer != null) {
            fromTrailer = ChecksumAlgorithm.fromHeaderName(trailer.trim().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                    S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "The x-amz-trailer '" + trailer
                            + "' names no checksum Cubby knows (crc32, crc32c, crc64nvme, sha1, sha256)."));
        }
        ChecksumAlgorithm declared = declaredAlgorithm(request);
        ChecksumAlgorithm chosen = fromHeader != null ? fromHeader : fromTrailer != null ? fromTrailer : declared;
        if (declared != null && chosen != declared) {
            throw S3Exception.of(S3ErrorCode.INVALID_REQUEST, "x-amz-sdk-checksum-algorithm says " + declared.wireName()
                    + " but the checksum sent is " + chosen.wireName() + ".");
        }
        return new ChecksumExpectation(md5 == null ? null : md5.trim(), chosen, value, fromHeader == null && fromTrailer != null);
    }

    private static ChecksumAlgorithm declaredAlgorithm(S3Request request) {
        String name = request.header("x-amz-sdk-checksum-algorithm");
        return ChecksumAlgorithmHeader.parse(name != null ? name : request.header("x-amz-checksum-algorithm"));
    }

    /** The algorithm stored with the object. */
    ChecksumAlgorithm kept() {
        return algorithm != null ? algorithm : DEFAULT;
    }

    Set<ChecksumAlgorithm> toCompute() {
        return EnumSet.of(kept());
    }

    /** Compares what arrived with what was computed; throws BadDigest on any difference. */
    void verify(BodyDigests digests, java.util.Map<String, String> trailers) {
        if (contentMd5 != null && !contentMd5.equals(digests.md5Base64())) {
            throw S3Exception.of(S3ErrorCode.BAD_DIGEST, "The Content-MD5 you specified did not match what we received.");
        }
        if (algorithm == null) {
            return;
        }
        String expected = inTrailer ? trailers.get(algorithm.headerName()) : headerValue;
        if (expected == null) {
            if (inTrailer) {
                throw S3Exception.of(S3ErrorCode.INVALID_REQUEST, "The body ended without the announced trailer "
                        + algorithm.headerName() + ".");
            }
            return;
        }
        String computed = digests.checksums().get(algorithm);
        if (!expected.trim().equals(computed)) {
            throw S3Exception.of(S3ErrorCode.BAD_DIGEST, "The " + algorithm.wireName()
                    + " you specified did not match the calculated checksum.");
        }
    }
}
