package dev.cubby.s3.xml;

/** An S3 XML response body: a value that knows how to write itself. */
public interface XmlDocument {
    void writeTo(XmlWriter xml);
}
