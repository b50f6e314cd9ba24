package dev.cubby.policy;

import java.util.regex.Pattern;

/**
 * A bucket's public access block (PutPublicAccessBlock). The policy engine applies two of its
 * flags: {@code blockPublicPolicy} refuses a public policy when it is put, and
 * {@code restrictPublicBuckets} keeps a public policy's statements from unsigned callers. The
 * other two are for ACLs: {@code blockPublicAcls} refuses public canned ACLs and grants,
 * {@code ignorePublicAcls} makes public ACLs count for nothing; the ACL code (the s3 package's
 * Owners, which the one decision asks) reads them through {@link BucketPolicyStore#publicAccessBlock(String)}.
 */
public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
                                boolean restrictPublicBuckets) {
    /** A bucket without a configuration: nothing blocked. */
    public static final PublicAccessBlock NONE = new PublicAccessBlock(false, false, false, false);

    /** The stored (and GetPublicAccessBlock's) form: S3's XML document. */
    public String toXml() {
        return "<PublicAccessBlockConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + element("BlockPublicAcls", blockPublicAcls) + element("IgnorePublicAcls", ignorePublicAcls)
                + element("BlockPublicPolicy", blockPublicPolicy)
                + element("RestrictPublicBuckets", restrictPublicBuckets) + "</PublicAccessBlockConfiguration>";
    }

    /** Reads back what {@link #toXml()} stored (a flag it does not find is off). */
    static PublicAccessBlock fromStored(String xml) {
        return new PublicAccessBlock(flag(xml, "BlockPublicAcls"), flag(xml, "IgnorePublicAcls"),
                flag(xml, "BlockPublicPolicy"), flag(xml, "RestrictPublicBuckets"));
    }

    private static String element(String name, boolean value) {
        return "<" + name + ">" + value + "</" + name + ">";
    }

    private static boolean flag(String xml, String name) {
        return Pattern.compile("<" + name + ">true</" + name + ">").matcher(xml).find();
    }
}
