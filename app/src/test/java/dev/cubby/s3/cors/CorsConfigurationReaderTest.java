package dev.cubby.s3.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.error.S3Exception;
import dev.cubby.s3.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsConfigurationReaderTest {
    private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";

    private static CorsConfiguration parse(String xml) {
        return CorsConfigurationReader.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static S3Exception refused(String xml) {
        return assertThrows(S3Exception.class, () -> parse(xml));
    }

    private static String rule(String inner) {
        return "<CORSRule>" + inner + "</CORSRule>";
    }

    private static String config(String rules) {
        return "<CORSConfiguration xmlns=\"" + NS + "\">" + rules + "</CORSConfiguration>";
    }

    @Test
    void readsEveryElementOfARuleInOrder() {
        CorsConfiguration configuration = parse(config(rule("<ID>web</ID>"
                + "<AllowedOrigin>https://*.example.com</AllowedOrigin><AllowedOrigin>http://localhost:3000</AllowedOrigin>"
                + "<AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod>"
                + "<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader>"
                + "<MaxAgeSeconds>3000</MaxAgeSeconds>") + rule("<AllowedOrigin>*</AllowedOrigin>"
                + "<AllowedMethod>HEAD</AllowedMethod>")));

        assertEquals(new CorsRule("web", List.of("https://*.example.com", "http://localhost:3000"),
                List.of("PUT", "GET"), List.of("*"), List.of("ETag"), 3000), configuration.rules().get(0));
        assertEquals(new CorsRule(null, List.of("*"), List.of("HEAD"), List.of(), List.of(), null),
                configuration.rules().get(1));
    }

    @Test
    void readsBackWhatItRenders() {
        CorsConfiguration configuration = parse(config(rule("<ID>a</ID><AllowedOrigin>x</AllowedOrigin>"
                + "<AllowedMethod>GET</AllowedMethod><AllowedHeader>x-amz-*</AllowedHeader>"
                + "<ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>5</MaxAgeSeconds>")));

        assertEquals(configuration, CorsConfigurationReader.parse(XmlWriter.render(configuration)));
    }

    @Test
    void aMethodS3DoesNotAllowIsInvalidRequestNamingIt() {
        S3Exception e = refused(config(rule("<AllowedOrigin>*</AllowedOrigin><AllowedMethod>PATCH</AllowedMethod>")));
        assertEquals("InvalidRequest", e.code().wireCode());
        assertTrue(e.getMessage().contains("PATCH"), e.getMessage());
        // Methods are case-sensitive, as in S3.
        assertEquals("InvalidRequest", refused(config(rule(
                "<AllowedOrigin>*</AllowedOrigin><AllowedMethod>get</AllowedMethod>"))).code().wireCode());
    }

    @Test
    void twoWildcardsInAnOriginOrHeaderAreInvalidRequest() {
        S3Exception origin = refused(config(rule("<AllowedOrigin>http://*.*.com</AllowedOrigin>"
                + "<AllowedMethod>GET</AllowedMethod>")));
        assertEquals("InvalidRequest", origin.code().wireCode());
        assertTrue(origin.getMessage().contains("http://*.*.com"), origin.getMessage());
        assertEquals("InvalidRequest", refused(config(rule("<AllowedOrigin>*</AllowedOrigin>"
                + "<AllowedMethod>GET</AllowedMethod><AllowedHeader>x-*-*</AllowedHeader>"))).code().wireCode());
    }

    @Test
    void structureErrorsAreMalformedXml() {
        for (String xml : List.of(
                "not xml",
                "<Tagging/>",
                config(""),
                config(rule("<AllowedMethod>GET</AllowedMethod>")),
                config(rule("<AllowedOrigin>*</AllowedOrigin>")),
                config(rule("<AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><Colour>red</Colour>")),
                config(rule("<AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>") + "<Other/>"),
                config(rule("<AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>"
                        + "<MaxAgeSeconds>soon</MaxAgeSeconds>")),
                config(rule("<AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>"
                        + "<MaxAgeSeconds>-1</MaxAgeSeconds>")))) {
            assertEquals("MalformedXML", refused(xml).code().wireCode(), xml);
        }
    }

    @Test
    void atMostOneHundredRules() {
        String one = rule("<AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>");
        assertEquals(100, parse(config(one.repeat(100))).rules().size());
        S3Exception e = refused(config(one.repeat(101)));
        assertEquals("MalformedXML", e.code().wireCode());
        assertTrue(e.getMessage().contains("100"), e.getMessage());
    }

    @Test
    void externalEntitiesAreRefused() {
        S3Exception e = refused("<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + config(rule("<AllowedOrigin>&x;</AllowedOrigin><AllowedMethod>GET</AllowedMethod>")));
        assertEquals("MalformedXML", e.code().wireCode());
    }

    @Test
    void anAbsentMaxAgeStaysAbsent() {
        assertNull(parse(config(rule("<AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>")))
                .rules().getFirst().maxAgeSeconds());
    }
}
