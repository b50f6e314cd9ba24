package dev.cubby.auth;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Decodes an aws-chunked body ({@code <hex-size>[;chunk-signature=<sig>]\r\n<data>\r\n} ...,
 * a final 0-size chunk, then trailing headers) to the object bytes, checking it on the way.
 *
 * <p>Memory stays constant whatever the chunk size: data is passed straight through to the
 * caller while a running SHA-256 covers it, and only the last byte of each chunk is held back
 * until the chunk's signature has been checked. An altered chunk therefore fails before the
 * caller has seen all of it, and the stream never reports end-of-stream before every chunk
 * signature, the trailers (and their signature) and {@code x-amz-decoded-content-length} have
 * been verified. Failures are {@link S3Exception}s; I/O errors of the raw stream pass through.
 *
 * <p>Not thread-safe, like any input stream.
 */
final class AwsChunkedInputStream extends InputStream {
    private static final int MAX_HEADER_LINE = 4096;

    private final InputStream in;
    private final ChunkLineReader lines;
    private final ChunkSignatureChain chain;
    private final TrailerSection trailers;
    private final long decodedLength;
    private final MessageDigest chunkDigest = Sha256.newDigest();
    private final byte[] single = new byte[1];

    private long chunkNumber;
    private long chunkSize;
    private long remaining;
    private String chunkSignature;
    private long decodedTotal;
    private boolean finished;

    /**
     * @param chain         checks chunk and trailer signatures; {@code null} for unsigned chunks
     * @param trailers      receives and checks the trailing headers
     * @param decodedLength the declared {@code x-amz-decoded-content-length}, or -1 if none
     */
    AwsChunkedInputStream(InputStream raw, ChunkSignatureChain chain, TrailerSection trailers, long decodedLength) {
        this.in = new BufferedInputStream(Objects.requireNonNull(raw, "raw"), 8192);
        this.lines = new ChunkLineReader(in);
        this.chain = chain;
        this.trailers = trailers;
        this.decodedLength = decodedLength;
    }

    @Override
    public int read() throws IOException {
        int n = read(single, 0, 1);
        return n < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (finished) {
            return -1;
        }
        if (remaining == 0 && !startChunk()) {
            finish();
            return -1;
        }
        // Signed chunks hold back their last byte until the chunk signature has been checked.
        long allowed = chain != null && remaining > 1 ? remaining - 1 : remaining;
        int n = in.read(b, off, (int) Math.min(len, allowed));
        if (n < 0) {
            throw S3Exception.of(S3ErrorCode.INCOMPLETE_BODY, "The body ended inside chunk " + chunkNumber + " after "
                    + (chunkSize - remaining) + " of its " + chunkSize + " bytes.");
        }
        if (chain != null) {
            chunkDigest.update(b, off, n);
        }
        remaining -= n;
        decodedTotal += n;
        if (remaining == 0) {
            endChunk();
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads the next chunk header; false when it is the final 0-size chunk. */
    private boolean startChunk() throws IOException {
        chunkNumber++;
        String line;
        do {
            line = lines.readLine(MAX_HEADER_LINE, "chunk header");
        } while (line != null && line.isEmpty());
        if (line == null) {
            throw S3Exception.of(S3ErrorCode.INCOMPLETE_BODY, "The aws-chunked body ended after " + decodedTotal
                    + " bytes without its final 0-size chunk; the upload is incomplete.");
        }
        ChunkHeader header = ChunkHeader.parse(line, chunkNumber);
        if (chain != null && (header.signature() == null || header.signature().isEmpty())) {
            throw S3Exception.of(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, "Chunk " + chunkNumber + " has no "
                    + "chunk-signature, but x-amz-content-sha256 announced signed chunks.");
        }
        if (decodedLength >= 0 && decodedTotal + header.size() > decodedLength) {
            throw S3Exception.of(S3ErrorCode.INCOMPLETE_BODY, "Chunk " + chunkNumber + " brings the body to "
                    + (decodedTotal + header.size()) + " bytes, more than x-amz-decoded-content-length "
                    + decodedLength + ".");
        }
        if (header.size() == 0) {
            if (chain != null) {
                chain.verifyChunk(chunkNumber, Sha256.EMPTY_HEX, header.signature());
            }
            return false;
        }
        chunkSize = header.size();
        remaining = chunkSize;
        chunkSignature = header.signature();
        chunkDigest.reset();
        return true;
    }

    /** Consumes the CRLF after a chunk's data and checks the chunk signature. */
    private void endChunk() throws IOException {
        String line = lines.readLine(MAX_HEADER_LINE, "chunk data terminator");
        if (line == null) {
            throw S3Exception.of(S3ErrorCode.INCOMPLETE_BODY,
                    "The body ended right after the data of chunk " + chunkNumber + ", before its CRLF.");
        }
        if (!line.isEmpty()) {
            throw S3Exception.of(S3ErrorCode.INVALID_REQUEST, "The aws-chunked body is malformed: chunk "
                    + chunkNumber + " has more data than its declared size of " + chunkSize + " bytes.");
        }
        if (chain != null) {
            chain.verifyChunk(chunkNumber, HexFormat.of().formatHex(chunkDigest.digest()), chunkSignature);
        }
    }

    /** After the final chunk: length and trailers, then end-of-stream may be reported. */
    private void finish() throws IOException {
        if (decodedLength >= 0 && decodedTotal != decodedLength) {
            throw S3Exception.of(S3ErrorCode.INCOMPLETE_BODY, "The aws-chunked body decoded to " + decodedTotal
                    + " bytes, but x-amz-decoded-content-length is " + decodedLength + ".");
        }
        trailers.read(lines, chain);
        finished = true;
    }
}
