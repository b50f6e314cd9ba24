package dev.cubby.auth;

import static dev.cubby.auth.AwsExamples.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** aws-chunked decoding: signatures, trailers, lengths and the framing variants clients produce. */
class AwsChunkedInputStreamTest {

    private static void assertS3Error(S3ErrorCode expected, Executable executable) {
        S3Exception e = assertThrows(S3Exception.class, executable);
        assertEquals(expected, e.code(), e.getMessage());
    }

    private static VerifiedBody wrap(SignedRequest request, byte[] body) {
        SignatureVerifier verifier = verifier();
        return verifier.wrapBody(verifier.verify(request), request, stream(body));
    }

    /** An unsigned-chunk decoder without a request, for framing tests. */
    private static InputStream unsigned(String wire, long decodedLength, Set<String> declared) {
        return new AwsChunkedInputStream(stream(wire.getBytes(StandardCharsets.ISO_8859_1)), null,
                new TrailerSection(PayloadMode.STREAMING_UNSIGNED_TRAILER, declared), decodedLength);
    }

    private static String text(InputStream in) throws IOException {
        return new String(readAll(in), StandardCharsets.ISO_8859_1);
    }

    @Test
    void tamperedChunkDataFailsBeforeTheChunkIsFullyReleased() {
        byte[] body = chunkedBody(CHUNK_SIGNATURES);
        int firstDataByte = "10000;chunk-signature=".length() + 64 + 2;
        body[firstDataByte + 100] = 'b';
        InputStream in = wrap(chunkedPut(), body).stream();
        byte[] buffer = new byte[100_000];
        long[] delivered = {0};
        S3Exception e = assertThrows(S3Exception.class, () -> {
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) != -1) {
                delivered[0] += n;
            }
        });
        assertEquals(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, e.code());
        assertTrue(delivered[0] < 65536, "the chunk's last byte must be held back, delivered " + delivered[0]);
    }

    @Test
    void tamperedChunkSignatures() {
        for (int i = 0; i < 3; i++) {
            String[] signatures = CHUNK_SIGNATURES.clone();
            signatures[i] = signatures[i].replace('a', 'b');
            byte[] body = chunkedBody(signatures);
            assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> readAll(wrap(chunkedPut(), body).stream()));
        }
    }

    @Test
    void reorderedChunksFail() {
        byte[] body = chunkedBody(CHUNK_SIGNATURES[1], CHUNK_SIGNATURES[0], CHUNK_SIGNATURES[2]);
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> readAll(wrap(chunkedPut(), body).stream()));
    }

    @Test
    void signedChunkWithoutSignature() {
        String wire = new String(chunkedBody(CHUNK_SIGNATURES), StandardCharsets.ISO_8859_1)
                .replace("400;chunk-signature=" + CHUNK_SIGNATURES[1], "400");
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> readAll(
                wrap(chunkedPut(), wire.getBytes(StandardCharsets.ISO_8859_1)).stream()));
    }

    @Test
    void spacingVariantsAndBareLineFeeds() throws Exception {
        String wire = new String(chunkedBody(CHUNK_SIGNATURES), StandardCharsets.ISO_8859_1)
                .replace("10000;chunk-signature=", "10000 ; chunk-signature = ")
                .replace("\r\n", "\n");
        assertEquals(66560, readAll(wrap(chunkedPut(), wire.getBytes(StandardCharsets.ISO_8859_1)).stream()).length);
    }

    @Test
    void truncatedBody() {
        byte[] body = chunkedBody(CHUNK_SIGNATURES);
        byte[] midChunk = java.util.Arrays.copyOf(body, 40_000);
        assertS3Error(S3ErrorCode.INCOMPLETE_BODY, () -> readAll(wrap(chunkedPut(), midChunk).stream()));
        byte[] noFinalChunk = java.util.Arrays.copyOf(body, body.length - 86);
        assertS3Error(S3ErrorCode.INCOMPLETE_BODY, () -> readAll(wrap(chunkedPut(), noFinalChunk).stream()));
    }

    @Test
    void unsignedTrailerUpload() throws Exception {
        VerifiedBody body = wrap(unsignedTrailerPut(),
                unsignedTrailerBody("x-amz-checksum-crc32:" + CRC32_OF_BODY + "\r\n\r\n"));
        assertArrayEquals("a".repeat(66560).getBytes(StandardCharsets.US_ASCII), readAll(body.stream()));
        assertEquals(Map.of("x-amz-checksum-crc32", CRC32_OF_BODY), body.trailers());
    }

    @Test
    void unsignedTrailerValueIsPassedThroughUnchecked() throws Exception {
        VerifiedBody body = wrap(unsignedTrailerPut(), unsignedTrailerBody("x-amz-checksum-crc32:AAAAAA==\r\n\r\n"));
        readAll(body.stream());
        assertEquals(Map.of("x-amz-checksum-crc32", "AAAAAA=="), body.trailers());
    }

    @Test
    void trailerSectionVariants() throws Exception {
        for (String section : new String[] {
            "x-amz-checksum-crc32:" + CRC32_OF_BODY + "\r\n",                // no final empty line
            "x-amz-checksum-crc32:" + CRC32_OF_BODY,                         // not even a CRLF
            "\r\nx-amz-checksum-crc32:" + CRC32_OF_BODY + "\r\n\r\n",        // empty line first
            "X-Amz-Checksum-CRC32 : " + CRC32_OF_BODY + " \n\n",             // case, spaces, bare LF
        }) {
            VerifiedBody body = wrap(unsignedTrailerPut(), unsignedTrailerBody(section));
            readAll(body.stream());
            assertEquals(Map.of("x-amz-checksum-crc32", CRC32_OF_BODY), body.trailers(), section);
        }
    }

    @Test
    void declaredTrailerMissing() {
        assertS3Error(S3ErrorCode.INCOMPLETE_BODY,
                () -> readAll(wrap(unsignedTrailerPut(), unsignedTrailerBody("\r\n")).stream()));
    }

    @Test
    void undeclaredTrailer() {
        assertS3Error(S3ErrorCode.INVALID_REQUEST, () -> readAll(wrap(unsignedTrailerPut(), unsignedTrailerBody(
                "x-amz-checksum-crc32:" + CRC32_OF_BODY + "\r\nx-amz-checksum-sha1:abc=\r\n\r\n")).stream()));
    }

    @Test
    void trailersWithoutTrailerMode() {
        String wire = new String(chunkedBody(CHUNK_SIGNATURES), StandardCharsets.ISO_8859_1);
        String withTrailer = wire.substring(0, wire.length() - 2) + "x-amz-checksum-crc32:AAAAAA==\r\n\r\n";
        assertS3Error(S3ErrorCode.INVALID_REQUEST, () -> readAll(
                wrap(chunkedPut(), withTrailer.getBytes(StandardCharsets.ISO_8859_1)).stream()));
    }

    @Test
    void signedTrailerTampering() {
        String signature = "\r\nx-amz-trailer-signature:" + TRAILER_SIGNATURE + "\r\n\r\n";
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> readAll(wrap(signedTrailerPut(),
                signedTrailerBody("x-amz-checksum-crc32c:AAAAAA==" + signature)).stream()));
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> readAll(wrap(signedTrailerPut(),
                signedTrailerBody("x-amz-checksum-crc32c:sOO8/Q==\r\nx-amz-trailer-signature:"
                        + TRAILER_SIGNATURE.replace('d', 'e') + "\r\n\r\n")).stream()));
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> readAll(wrap(signedTrailerPut(),
                signedTrailerBody("x-amz-checksum-crc32c:sOO8/Q==\r\n\r\n")).stream()));
    }

    @Test
    void signedTrailerWithBlankLineBeforeSignature() throws Exception {
        // Some clients end the trailer block with "\n" and put an empty line before the signature.
        VerifiedBody body = wrap(signedTrailerPut(), signedTrailerBody(
                "x-amz-checksum-crc32c:sOO8/Q==\n\r\nx-amz-trailer-signature:" + TRAILER_SIGNATURE + "\r\n\r\n"));
        readAll(body.stream());
        assertEquals(Map.of("x-amz-checksum-crc32c", "sOO8/Q=="), body.trailers());
    }

    @Test
    void decodedLengthMustMatch() throws Exception {
        assertEquals("hello world", text(unsigned("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", 11, Set.of())));
        assertS3Error(S3ErrorCode.INCOMPLETE_BODY,
                () -> text(unsigned("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", 12, Set.of())));
        assertS3Error(S3ErrorCode.INCOMPLETE_BODY,
                () -> text(unsigned("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", 10, Set.of())));
    }

    @Test
    void malformedFraming() {
        assertS3Error(S3ErrorCode.INVALID_REQUEST, () -> text(unsigned("zz\r\nhello\r\n0\r\n\r\n", -1, Set.of())));
        assertS3Error(S3ErrorCode.INVALID_REQUEST, () -> text(unsigned("3\r\nhello\r\n0\r\n\r\n", -1, Set.of())));
        assertS3Error(S3ErrorCode.INVALID_REQUEST,
                () -> text(unsigned("fffffffffffffffff\r\nhello\r\n0\r\n\r\n", -1, Set.of())));
        assertS3Error(S3ErrorCode.INVALID_REQUEST, () -> text(unsigned("5\r\nhello\r\n0\r\nnot a trailer\r\n", -1,
                Set.of())));
        assertS3Error(S3ErrorCode.INCOMPLETE_BODY, () -> text(unsigned("", -1, Set.of())));
        assertS3Error(S3ErrorCode.INCOMPLETE_BODY, () -> text(unsigned("5\r\nhel", -1, Set.of())));
    }

    @Test
    void emptyObjectAndSingleByteReads() throws Exception {
        assertEquals("", text(unsigned("0\r\n\r\n", 0, Set.of())));
        InputStream in = unsigned("3;ext=1\r\nabc\r\n0\r\n\r\n", 3, Set.of());
        assertEquals('a', in.read());
        assertEquals('b', in.read());
        assertEquals('c', in.read());
        assertEquals(-1, in.read());
        assertEquals(-1, in.read());
    }
}
