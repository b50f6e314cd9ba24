package dev.cubby.s3.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.error.S3Exception;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagSetTest {
    private static String invalid(String header) {
        return assertThrows(S3Exception.class, () -> TagSet.fromHeader(header)).code().wireCode();
    }

    @Test
    void theHeaderIsQueryEncoded() {
        assertEquals(Map.of("project", "a b", "k&", "v=1", "empty", ""),
                TagSet.fromHeader("project=a+b&k%26=v%3D1&empty").tags());
        assertTrue(TagSet.fromHeader(null).tags().isEmpty());
        assertTrue(TagSet.fromHeader("").tags().isEmpty());
    }

    @Test
    void s3LimitsAreEnforced() {
        StringBuilder ten = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            ten.append(i == 0 ? "" : "&").append("k").append(i).append("=v");
        }
        assertEquals(10, TagSet.fromHeader(ten.toString()).tags().size());
        assertEquals("InvalidTag", invalid(ten + "&k10=v"));
        assertEquals(1, TagSet.fromHeader("k".repeat(128) + "=" + "v".repeat(256)).tags().size());
        assertEquals("InvalidTag", invalid("k".repeat(129) + "=v"));
        assertEquals("InvalidTag", invalid("k=" + "v".repeat(257)));
        assertEquals("InvalidTag", invalid("k=1&k=2"));
        assertEquals("InvalidTag", invalid("=v"));
        assertEquals("InvalidTag", invalid("aws:cloudformation=x"));
    }

    @Test
    void limitsCountCharactersNotBytes() {
        assertEquals(1, TagSet.fromHeader("é".repeat(128) + "=v").tags().size());
    }

    @Test
    void theXmlBodyKeepsOrderAndSpaces() {
        var tags = TagSet.fromXml(("<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet>"
                + "<Tag><Key>z </Key><Value>1</Value></Tag><Tag><Key>a</Key><Value></Value></Tag></TagSet></Tagging>")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(java.util.List.of("z ", "a"), java.util.List.copyOf(tags.tags().keySet()));
        assertEquals("", tags.tags().get("a"));
        assertEquals("MalformedXML", assertThrows(S3Exception.class, () -> TagSet.fromXml(
                "<Tagging><TagSet><Tag><Key>a</Key></Tag></TagSet></Tagging>".getBytes(StandardCharsets.UTF_8)))
                .code().wireCode());
    }
}
