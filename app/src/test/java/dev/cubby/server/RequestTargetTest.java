package dev.cubby.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cubby.error.S3Exception;
import dev.cubby.s3.Operation;
import org.junit.jupiter.api.Test;

class RequestTargetTest {
    @Test
    void pathStyle() {
        assertEquals(new RequestTarget(Operation.Target.SERVICE, null, null), RequestTarget.parse("h", "/", null));
        assertEquals(new RequestTarget(Operation.Target.BUCKET, "b", null), RequestTarget.parse("h", "/b", null));
        assertEquals(new RequestTarget(Operation.Target.BUCKET, "b", null), RequestTarget.parse("h", "/b/", null));
        assertEquals(new RequestTarget(Operation.Target.OBJECT, "b", "a b/c+d/é/"),
                RequestTarget.parse("h", "/b/a%20b/c+d/%C3%A9/", null));
    }

    @Test
    void virtualHostStyleWhenTheHostIsUnderTheDomain() {
        assertEquals(new RequestTarget(Operation.Target.OBJECT, "photos", "x/y"),
                RequestTarget.parse("photos.nas.local:9000", "/x/y", "nas.local"));
        assertEquals(new RequestTarget(Operation.Target.BUCKET, "photos", null),
                RequestTarget.parse("photos.nas.local", "/", "nas.local"));
        assertEquals(new RequestTarget(Operation.Target.BUCKET, "b", null),
                RequestTarget.parse("nas.local:9000", "/b", "nas.local"));
    }

    @Test
    void malformedPercentEncodingIsAnInvalidUri() {
        assertEquals("InvalidURI", assertThrows(S3Exception.class,
                () -> RequestTarget.parse("h", "/b/%zz", null)).code().wireCode());
        assertEquals("InvalidURI", assertThrows(S3Exception.class,
                () -> RequestTarget.parse("h", "/b/%C3", null)).code().wireCode());
    }

    @Test
    void charactersAUriMustEncodeAreAnInvalidUri() {
        for (String path : java.util.List.of("/b/p.txt\\", "/b/a|b", "/b/{x}", "/b/a\u0001")) {
            assertEquals("InvalidURI", assertThrows(S3Exception.class,
                    () -> RequestTarget.parse("h", path, null)).code().wireCode(), path);
        }
        assertEquals(new RequestTarget(Operation.Target.OBJECT, "b", "a\\b[1]!'()*"),
                RequestTarget.parse("h", "/b/a%5Cb[1]!'()*", null));
    }

    @Test
    void aKeyThatDecodesToAC1ControlCharacterIsAnInvalidUri() {
        S3Exception refused = assertThrows(S3Exception.class, () -> RequestTarget.parse("h", "/b/%C2%AE%C2%8A-", null));
        assertEquals("InvalidURI", refused.code().wireCode());
        assertEquals(400, refused.code().httpStatus());
        assertEquals(new RequestTarget(Operation.Target.OBJECT, "b", "\u00ae\u00a0-\u00e9\n"),
                RequestTarget.parse("h", "/b/%C2%AE%C2%A0-%C3%A9%0A", null));
    }
}
