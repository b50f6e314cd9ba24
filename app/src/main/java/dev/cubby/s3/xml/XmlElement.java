package dev.cubby.s3.xml;

import java.util.List;
import java.util.Optional;

/**
 * A parsed request element: local name (namespace ignored), text with surrounding whitespace
 * stripped, child elements, and the text exactly as sent ({@code rawText}), for values where
 * spaces count, such as object keys: a key {@code "a "} must never be taken for {@code "a"}.
 */
public record XmlElement(String name, String text, List<XmlElement> children, String rawText) {

    public Optional<XmlElement> child(String localName) {
        return children.stream().filter(c -> c.name().equals(localName)).findFirst();
    }

    public List<XmlElement> childrenNamed(String localName) {
        return children.stream().filter(c -> c.name().equals(localName)).toList();
    }

    public Optional<String> childText(String localName) {
        return child(localName).map(XmlElement::text);
    }

    /** The child's text exactly as sent, whitespace included. */
    public Optional<String> childRawText(String localName) {
        return child(localName).map(XmlElement::rawText);
    }
}
