package dev.cubby.s3.xml;

/** An owner element: S3's canonical user ID and a display name. */
public record Owner(String id, String displayName) {
    public void writeTo(XmlWriter xml) {
        xml.start("Owner").element("ID", id).element("DisplayName", displayName).end();
    }
}
