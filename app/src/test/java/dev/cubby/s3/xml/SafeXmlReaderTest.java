package dev.cubby.s3.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cubby.error.S3Exception;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SafeXmlReaderTest {
    private static XmlElement parse(String xml, long max) {
        return SafeXmlReader.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), max);
    }

    @Test
    void readsElementsIgnoringNamespaces() {
        XmlElement root = parse("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>", 1024);
        assertEquals("CreateBucketConfiguration", root.name());
        assertEquals("eu-west-1", root.childText("LocationConstraint").orElseThrow());
    }

    @Test
    void refusesDtdsExternalEntitiesAndOversizedBodies() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>";
        assertEquals("MalformedXML", assertThrows(S3Exception.class, () -> parse(xxe, 4096)).code().wireCode());
        assertEquals("MalformedXML", assertThrows(S3Exception.class,
                () -> parse("<a>" + "x".repeat(100) + "</a>", 50)).code().wireCode());
        assertEquals("MalformedXML", assertThrows(S3Exception.class, () -> parse("<a><b></a>", 100)).code().wireCode());
    }
}
