package dev.cubby.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A value can never break out of its field or its line, whatever the key holds. */
class AuditLogLineTest {

    private static String field(String value) {
        var line = new StringBuilder();
        AuditLog.field(line, "object", value);
        return line.toString();
    }

    @Test
    void plainValuesStandAloneAndMissingOnesAreADash() {
        assertEquals(" object=photos/2024/a.jpg", field("photos/2024/a.jpg"));
        assertEquals(" object=-", field(null));
        assertEquals(" object=-", field(""));
    }

    @Test
    void spacesQuotesEqualsAndControlCharactersAreQuotedAndEscaped() {
        assertEquals(" object=\"a b\"", field("a b"));
        assertEquals(" object=\"x=1\"", field("x=1"));
        assertEquals(" object=\"say \\\"hi\\\"\"", field("say \"hi\""));
        assertEquals(" object=\"back\\\\slash\"", field("back\\slash"));
        assertEquals(" object=\"two\\nlines audit time=forged\"", field("two\nlines audit time=forged"));
        assertEquals(" object=\"bell\\u0007\"", field("bell\u0007"));
    }

    @Test
    void nonAsciiNamesStayReadable() {
        assertEquals(" object=Fotos/Grüße/日本.jpg", field("Fotos/Grüße/日本.jpg"));
    }
}
