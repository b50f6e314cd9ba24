package dev.cubby.s3.xml;

/**
 * A browser POST upload's answer when the form asked for {@code success_action_status} 201. S3 sends
 * it without a namespace (unlike its API documents), and browser scripts look up {@code Key} plainly.
 */
public record PostResponse(String location, String bucket, String key, String etag) implements XmlDocument {
    @Override
    public void writeTo(XmlWriter xml) {
        xml.start("PostResponse")
                .element("Location", location)
                .element("Bucket", bucket)
                .element("Key", key)
                .element("ETag", etag)
                .end();
    }
}
