package dev.cubby.s3.xml;

import java.util.Map;

/** GetObjectTagging's answer: the object's tags in the order given (empty TagSet when none). */
public record Tagging(Map<String, String> tags) implements XmlDocument {
    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("Tagging").start("TagSet");
        tags.forEach((key, value) -> xml.start("Tag").element("Key", key).element("Value", value).end());
        xml.end().end();
    }
}
