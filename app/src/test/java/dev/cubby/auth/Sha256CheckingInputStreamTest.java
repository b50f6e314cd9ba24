package dev.cubby.auth;

import static dev.cubby.auth.AwsExamples.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sha256CheckingInputStreamTest {

    @Test
    void matchingBodyReachesEndOfStream() throws Exception {
        InputStream in = new Sha256CheckingInputStream(stream(PUT_BODY.getBytes(StandardCharsets.UTF_8)),
                PUT_SHA256.toUpperCase());
        assertEquals(PUT_BODY, new String(readAll(in), StandardCharsets.UTF_8));
        assertEquals(-1, in.read());
    }

    @Test
    void mismatchThrowsInsteadOfEndOfStream() throws Exception {
        InputStream in = new Sha256CheckingInputStream(stream("Welcome to Amazon S3".getBytes(StandardCharsets.UTF_8)),
                PUT_SHA256);
        byte[] all = new byte[20];
        assertEquals(20, in.readNBytes(all, 0, 20));
        S3Exception e = assertThrows(S3Exception.class, in::read);
        assertEquals(S3ErrorCode.X_AMZ_CONTENT_SHA256_MISMATCH, e.code());
    }

    @Test
    void skipStillHashes() {
        InputStream in = new Sha256CheckingInputStream(stream(PUT_BODY.getBytes(StandardCharsets.UTF_8)), EMPTY_SHA256);
        assertThrows(S3Exception.class, () -> in.skip(1000));
    }
}
