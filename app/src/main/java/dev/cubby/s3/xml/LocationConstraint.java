package dev.cubby.s3.xml;

/** GetBucketLocation: empty for us-east-1, as S3 answers. */
public record LocationConstraint(String region) implements XmlDocument {
    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("LocationConstraint");
        if (!"us-east-1".equals(region)) {
            xml.text(region);
        }
        xml.end();
    }
}
