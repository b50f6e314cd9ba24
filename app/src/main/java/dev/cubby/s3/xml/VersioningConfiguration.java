package dev.cubby.s3.xml;

/** GetBucketVersioning: versioning was never enabled, so the document is empty. */
public record VersioningConfiguration() implements XmlDocument {
    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("VersioningConfiguration").end();
    }
}
