package dev.cubby.s3.xml;

/** GetBucketPolicyStatus's answer: whether the bucket's policy makes it public. */
public record PolicyStatus(boolean isPublic) implements XmlDocument {
    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("PolicyStatus").element("IsPublic", Boolean.toString(isPublic)).end();
    }
}
