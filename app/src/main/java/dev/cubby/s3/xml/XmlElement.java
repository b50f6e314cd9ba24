package dev.cubby.s3.xml;

import java.util.List;
import java.util.Optional;

/** A parsed request element: local name (namespace ignored), text, and child elements. */
public record XmlElement(String name, String text, List<XmlElement> children) {

    public Optional<XmlElement> child(String localName) {
        return children.stream().filter(c -> c.name().equals(localName)).findFirst();
    }

    public List<XmlElement> childrenNamed(String localName) {
        return children.stream().filter(c -> c.name().equals(localName)).toList();
    }

    public Optional<String> childText(String localName) {
        return child(localName).map(XmlElement::text);
    }
}
