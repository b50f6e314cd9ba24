package dev.cubby.s3.xml;

/**
 * The ACL Cubby reports for every bucket and object: the owner holds FULL_CONTROL and nobody
 * else holds anything. Cubby keeps no ACLs (access is controlled by keys), but clients probe
 * for this document, and it is true: only the owner's keys can reach anything.
 */
public record AccessControlPolicy(Owner owner) implements XmlDocument {
    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("AccessControlPolicy");
        owner.writeTo(xml);
        xml.start("AccessControlList").start("Grant")
                .start("Grantee").xsiType("CanonicalUser")
                .element("ID", owner.id()).element("DisplayName", owner.displayName()).end()
                .element("Permission", "FULL_CONTROL")
                .end().end();
        xml.end();
    }
}
