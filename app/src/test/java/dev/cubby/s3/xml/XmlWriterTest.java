package dev.cubby.s3.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cubby.error.S3ErrorCode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmlWriterTest {
    @Test
    void errorDocumentIsExactlyS3sShape() {
        byte[] xml = XmlWriter.render(new ErrorDocument(S3ErrorCode.NO_SUCH_KEY, "The key 'a&b' does not exist.",
                "/b/a&b", "REQ1"));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                + "<Message>The key 'a&amp;b' does not exist.</Message><Resource>/b/a&amp;b</Resource>"
                + "<RequestId>REQ1</RequestId></Error>", new String(xml, StandardCharsets.UTF_8));
    }

    @Test
    void controlCharactersThatXmlCannotCarryAreReplaced() {
        assertEquals("nul\uFFFDkey\ttab", XmlWriter.xmlSafe("nul\0key\ttab"));
        assertEquals("plain", XmlWriter.xmlSafe("plain"));
    }

    @Test
    void locationConstraintIsEmptyForUsEast1() {
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><LocationConstraint "
                + "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></LocationConstraint>",
                new String(XmlWriter.render(new LocationConstraint("us-east-1")), StandardCharsets.UTF_8));
    }
}
