package dev.cubby.policy;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.meta.BucketSettings;
import java.util.Optional;

/**
 * Each bucket's policy and public access block, kept in the sidecar's bucket settings (and so
 * forgotten with the bucket). The policy is stored as the client sent it, after it parsed and
 * validated: GetBucketPolicy answers those same bytes.
 */
public final class BucketPolicyStore {
    private final BucketSettings settings;

    public BucketPolicyStore(BucketSettings settings) {
        this.settings = settings;
    }

    /**
     * @throws S3Exception MalformedPolicy for a policy that does not parse or validate;
     *                     AccessDenied for a public policy while the bucket's BlockPublicPolicy is on
     */
    public void putPolicy(String bucket, String json) {
        PolicyDocument document = PolicyParser.parse(json, bucket);
        if (document.isPublic() && publicAccessBlock(bucket).blockPublicPolicy()) {
            throw S3Exception.of(S3ErrorCode.ACCESS_DENIED, "Access Denied: the policy lets everyone (\"*\") in "
                    + "without a condition such as aws:SourceIp, and the public access block of bucket " + bucket
                    + " has BlockPublicPolicy on.");
        }
        settings.put(bucket, BucketSettings.POLICY, json);
    }

    /** The policy as it was put. */
    public Optional<String> policy(String bucket) {
        return settings.find(bucket, BucketSettings.POLICY);
    }

    /** @return whether the bucket had a policy */
    public boolean deletePolicy(String bucket) {
        return settings.delete(bucket, BucketSettings.POLICY);
    }

    public void putPublicAccessBlock(String bucket, PublicAccessBlock block) {
        settings.put(bucket, BucketSettings.PUBLIC_ACCESS_BLOCK, block.toXml());
    }

    /** The bucket's configuration, or {@link PublicAccessBlock#NONE} when it has none. */
    public PublicAccessBlock publicAccessBlock(String bucket) {
        return findPublicAccessBlock(bucket).orElse(PublicAccessBlock.NONE);
    }

    public Optional<PublicAccessBlock> findPublicAccessBlock(String bucket) {
        return settings.find(bucket, BucketSettings.PUBLIC_ACCESS_BLOCK).map(PublicAccessBlock::fromStored);
    }

    /** @return whether the bucket had one */
    public boolean deletePublicAccessBlock(String bucket) {
        return settings.delete(bucket, BucketSettings.PUBLIC_ACCESS_BLOCK);
    }
}
