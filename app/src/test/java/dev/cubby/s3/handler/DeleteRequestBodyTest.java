package dev.cubby.s3.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.error.S3Exception;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeleteRequestBodyTest {
    private static DeleteRequestBody parse(String xml) {
        return DeleteRequestBody.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String objects(int count) {
        var xml = new StringBuilder("<Delete>");
        for (int i = 0; i < count; i++) {
            xml.append("<Object><Key>k").append(i).append("</Key></Object>");
        }
        return xml.append("</Delete>").toString();
    }

    private static String malformed(String xml) {
        return assertThrows(S3Exception.class, () -> parse(xml)).code().wireCode();
    }

    @Test
    void readsKeysExactlyAsSentWithAndWithoutTheNamespace() {
        var body = parse("<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Object><Key>a b </Key>"
                + "<VersionId>null</VersionId></Object><Object><Key> &amp;x</Key></Object></Delete>");
        assertEquals(List.of(new DeleteRequestBody.ObjectIdentifier("a b ", "null"),
                new DeleteRequestBody.ObjectIdentifier(" &x", null)), body.objects());
        assertFalse(body.quiet());
    }

    @Test
    void versionIdsAreReadExactlyAsSentAndJudgedLater() {
        var body = parse("<Delete><Object><Key>a</Key><VersionId> v1 </VersionId></Object>"
                + "<Object><Key>b</Key><VersionId></VersionId></Object></Delete>");
        assertEquals(List.of(new DeleteRequestBody.ObjectIdentifier("a", " v1 "),
                new DeleteRequestBody.ObjectIdentifier("b", "")), body.objects());
    }

    @Test
    void quietIsRead() {
        assertTrue(parse("<Delete><Quiet>true</Quiet><Object><Key>a</Key></Object></Delete>").quiet());
        assertFalse(parse("<Delete><Quiet>false</Quiet><Object><Key>a</Key></Object></Delete>").quiet());
        assertEquals("MalformedXML", malformed("<Delete><Quiet>maybe</Quiet><Object><Key>a</Key></Object></Delete>"));
    }

    @Test
    void allowsAThousandKeysAndRefusesMore() {
        assertEquals(1000, parse(objects(1000)).objects().size());
        assertEquals("MalformedXML", malformed(objects(1001)));
        assertEquals("MalformedXML", malformed(objects(0)));
    }

    @Test
    void refusesMalformedBodiesAndDtds() {
        assertEquals("MalformedXML", malformed("<Delete><Object><Key>a</Key></Object>"));
        assertEquals("MalformedXML", malformed("<Delete><Object><VersionId>1</VersionId></Object></Delete>"));
        assertEquals("MalformedXML", malformed("<Remove><Object><Key>a</Key></Object></Remove>"));
        assertEquals("MalformedXML", malformed("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><Delete><Object><Key>&x;</Key></Object></Delete>"));
    }
}
