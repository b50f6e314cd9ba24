package dev.cubby.s3.xml;

import java.util.List;

/** GetBucketAcl's and GetObjectAcl's answer: the owner and each grant, in the order stored. */
public record AccessControlPolicy(Owner owner, List<GrantEntry> grants) implements XmlDocument {

    /** One grant: to a key ({@code user}) or to a group ({@code groupUri}), with S3's permission name. */
    public record GrantEntry(Owner user, String groupUri, String permission) {
    }

    public AccessControlPolicy {
        grants = List.copyOf(grants);
    }

    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("AccessControlPolicy");
        owner.writeTo(xml);
        xml.start("AccessControlList");
        for (GrantEntry grant : grants) {
            xml.start("Grant").start("Grantee");
            if (grant.user() != null) {
                xml.xsiType("CanonicalUser").element("ID", grant.user().id())
                        .element("DisplayName", grant.user().displayName());
            } else {
                xml.xsiType("Group").element("URI", grant.groupUri());
            }
            xml.end().element("Permission", grant.permission()).end();
        }
        xml.end().end();
    }
}
