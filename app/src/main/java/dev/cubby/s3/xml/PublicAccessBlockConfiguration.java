package dev.cubby.s3.xml;

/** GetPublicAccessBlock's answer: the bucket's four flags. */
public record PublicAccessBlockConfiguration(boolean blockPublicAcls, boolean ignorePublicAcls,
                                             boolean blockPublicPolicy, boolean restrictPublicBuckets)
        implements XmlDocument {
    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("PublicAccessBlockConfiguration")
                .element("BlockPublicAcls", Boolean.toString(blockPublicAcls))
                .element("IgnorePublicAcls", Boolean.toString(ignorePublicAcls))
                .element("BlockPublicPolicy", Boolean.toString(blockPublicPolicy))
                .element("RestrictPublicBuckets", Boolean.toString(restrictPublicBuckets))
                .end();
    }
}
