package dev.cubby.policy;

import dev.cubby.auth.BucketPolicies;
import dev.cubby.auth.PolicyVerdict;
import dev.cubby.auth.Principal;
import dev.cubby.auth.RequestContext;
import dev.cubby.store.ObjectStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The bucket policies as the authorization step asks them: the bucket's stored policy, plus,
 * for each public-read bucket of the config file, a statement allowing everyone s3:GetObject
 * and s3:ListBucket (so that public buckets are one more policy, not a second way to decide).
 * A Deny in the stored policy still wins over it. RestrictPublicBuckets keeps the stored policy's
 * public statements from unsigned callers; the config file's statement is the owner's own word
 * and stays.
 *
 * <p>Each evaluation reads the bucket's policy text (one small sidecar read); the parsed form is
 * kept per bucket while that text stays the same, so a policy is parsed once per change.
 */
public final class BucketPolicyEngine implements BucketPolicies {
    private final BucketPolicyStore store;
    private final Set<String> publicRead;
    private final BiFunction<String, String, Map<String, String>> objectTags;
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    private record Parsed(String text, PolicyDocument document) {
    }

    /**
     * @param publicRead buckets anyone may read (config {@code public-read})
     * @param objectTags an object's tags, for s3:ExistingObjectTag (empty when it has none or does not exist)
     */
    public BucketPolicyEngine(BucketPolicyStore store, Set<String> publicRead,
                              BiFunction<String, String, Map<String, String>> objectTags) {
        this.store = store;
        this.publicRead = Set.copyOf(publicRead);
        this.objectTags = objectTags;
    }

    public static BucketPolicyEngine over(ObjectStore objects, Set<String> publicRead) {
        return new BucketPolicyEngine(new BucketPolicyStore(objects.bucketSettings()), publicRead, (bucket, key) -> {
            try {
                return objects.tags().get(bucket, key);
            } catch (RuntimeException missing) {
                // no such object (or key): it has no tags to match
                return Map.of();
            }
        });
    }

    public BucketPolicyStore store() {
        return store;
    }

    @Override
    public PolicyVerdict evaluate(Principal principal, String action, String bucket, String key,
                                  RequestContext context) {
        if (bucket == null) {
            return PolicyVerdict.NONE;
        }
        String resource = "arn:aws:s3:::" + bucket + (key == null ? "" : "/" + key);
        var request = new ConditionKeys(principal, context, () -> key == null ? Map.of() : objectTags.apply(bucket, key));
        PolicyVerdict stored = PolicyVerdict.NONE;
        PolicyDocument document = document(bucket);
        if (document != null) {
            boolean restrict = principal.isAnonymous() && store.publicAccessBlock(bucket).restrictPublicBuckets();
            stored = document.evaluate(principal, action, resource, request, restrict);
        }
        if (stored == PolicyVerdict.NONE && publicRead.contains(bucket)) {
            return publicRead(bucket).evaluate(principal, action, resource, request, false);
        }
        return stored;
    }

    /** GetBucketPolicyStatus: the stored policy is public, or the config file makes the bucket public-read. */
    public boolean isPublic(String bucket) {
        PolicyDocument document = document(bucket);
        return publicRead.contains(bucket) || (document != null && document.isPublic());
    }

    private PolicyDocument document(String bucket) {
        String text = store.policy(bucket).orElse(null);
        if (text == null) {
            parsed.remove(bucket);
            return null;
        }
        Parsed known = parsed.get(bucket);
        if (known != null && known.text().equals(text)) {
            return known.document();
        }
        PolicyDocument document = PolicyParser.parse(text, bucket);
        parsed.put(bucket, new Parsed(text, document));
        return document;
    }

    /** The config file's public-read, as the statement it stands for. */
    static PolicyDocument publicRead(String bucket) {
        return new PolicyDocument(List.of(new Statement("public-read (config file)", true, PrincipalPattern.ANYONE,
                List.of(Wildcard.ignoringCase("s3:GetObject"), Wildcard.ignoringCase("s3:ListBucket")), false,
                List.of(Wildcard.exact("arn:aws:s3:::" + bucket), Wildcard.exact("arn:aws:s3:::" + bucket + "/*")),
                false, List.of())));
    }
}
