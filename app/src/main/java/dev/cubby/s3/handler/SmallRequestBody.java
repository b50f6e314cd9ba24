package dev.cubby.s3.handler;

import dev.cubby.checksum.Digests;
import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.S3Request;
import dev.cubby.store.BodyDigests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Reads a small request body (an XML configuration or list, never an object) whole, up to a cap,
 * and checks the integrity the client asked for over its raw bytes: Content-MD5, or an
 * {@code x-amz-checksum-*} header or trailer (current SDKs send a CRC and no Content-MD5). A
 * mismatch is BadDigest, raised before the caller acts on anything in the body.
 */
final class SmallRequestBody {
    private SmallRequestBody() {
    }

    static byte[] read(S3Request request, int maxBytes) {
        var expectation = ChecksumExpectation.of(request);
        byte[] body;
        try {
            body = request.body().readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
        if (body.length > maxBytes) {
            throw S3Exception.of(S3ErrorCode.MALFORMED_XML, "The request body is larger than " + maxBytes + " bytes.");
        }
        Map<dev.cubby.checksum.ChecksumAlgorithm, String> checksums = Map.of();
        if (expectation.algorithm() != null) {
            var running = expectation.algorithm().start();
            running.update(body, 0, body.length);
            checksums = Map.of(expectation.algorithm(), running.finishBase64());
        }
        expectation.verify(new BodyDigests(Digests.md5().digest(body), body.length, checksums), request.trailers().get());
        return body;
    }
}
