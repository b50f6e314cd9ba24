package dev.cubby.s3.xml;

/** GetBucketOwnershipControls' answer: the one rule, its ObjectOwnership setting. */
public record OwnershipControls(String objectOwnership) implements XmlDocument {
    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("OwnershipControls").start("Rule").element("ObjectOwnership", objectOwnership).end().end();
    }
}
