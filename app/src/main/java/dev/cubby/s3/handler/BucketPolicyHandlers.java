package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.policy.BucketPolicyEngine;
import dev.cubby.policy.BucketPolicyStore;
import dev.cubby.policy.PublicAccessBlock;
import dev.cubby.s3.Owners;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.xml.PolicyStatus;
import dev.cubby.s3.xml.PublicAccessBlockConfiguration;
import dev.cubby.s3.xml.SafeXmlReader;
import dev.cubby.s3.xml.XmlElement;
import dev.cubby.store.ObjectStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Put/Get/DeleteBucketPolicy, GetBucketPolicyStatus and Put/Get/DeletePublicAccessBlock. Who may
 * call them: the admin, a key with a read-write grant on the whole bucket, or whom the bucket's
 * policy allows the call. Parsing, validation and evaluation live in {@code dev.cubby.policy}.
 */
public final class BucketPolicyHandlers {
    /** Read past S3's 20 KiB so that a larger policy gets MalformedPolicy saying so. */
    private static final int MAX_POLICY_BODY = 64 * 1024;
    private static final int MAX_BLOCK_BODY = 4 * 1024;

    private final ObjectStore store;
    private final BucketPolicyEngine engine;
    private final Owners owners;
    private final BucketPolicyStore policies;

    /** @param owners the bucket ACLs, for GetBucketPolicyStatus (a public ACL makes the bucket public too) */
    public BucketPolicyHandlers(ObjectStore store, BucketPolicyEngine engine, Owners owners) {
        this.store = store;
        this.owners = owners;
        this.engine = engine;
        this.policies = engine.store();
    }

    public S3Response putPolicy(S3Request request) {
        String bucket = configurable(request);
        byte[] body;
        try {
            body = SmallRequestBody.read(request, MAX_POLICY_BODY);
        } catch (S3Exception e) {
            if (e.code() != S3ErrorCode.MALFORMED_XML) {
                throw e;
            }
            throw S3Exception.of(S3ErrorCode.MALFORMED_POLICY, "The policy is larger than 20 KiB, the most a bucket "
                    + "policy may be.");
        }
        policies.putPolicy(bucket, new String(body, StandardCharsets.UTF_8));
        return new S3Response.Empty(204, Map.of());
    }

    public S3Response getPolicy(S3Request request) {
        String bucket = configurable(request);
        String policy = policies.policy(bucket).orElseThrow(() -> S3Exception.of(S3ErrorCode.NO_SUCH_BUCKET_POLICY,
                "The bucket " + bucket + " has no policy."));
        return new S3Response.Bytes(200, Map.of(), "application/json", policy.getBytes(StandardCharsets.UTF_8));
    }

    public S3Response deletePolicy(S3Request request) {
        policies.deletePolicy(configurable(request));
        return new S3Response.Empty(204, Map.of());
    }

    public S3Response getPolicyStatus(S3Request request) {
        return new S3Response.Xml(200, Map.of(), new PolicyStatus(isPublic(configurable(request))));
    }

    /** As S3: a public policy statement, the config's public-read, or a bucket ACL granting AllUsers or AuthenticatedUsers. */
    private boolean isPublic(String bucket) {
        return engine.isPublic(bucket) || owners.aclIsPublic(bucket);
    }

    public S3Response putPublicAccessBlock(S3Request request) {
        String bucket = configurable(request);
        policies.putPublicAccessBlock(bucket, parseBlock(SmallRequestBody.read(request, MAX_BLOCK_BODY)));
        return new S3Response.Empty(200, Map.of());
    }

    public S3Response getPublicAccessBlock(S3Request request) {
        String bucket = configurable(request);
        PublicAccessBlock block = policies.findPublicAccessBlock(bucket).orElseThrow(() -> S3Exception.of(
                S3ErrorCode.NO_SUCH_PUBLIC_ACCESS_BLOCK_CONFIGURATION,
                "The bucket " + bucket + " has no public access block configuration."));
        return new S3Response.Xml(200, Map.of(), new PublicAccessBlockConfiguration(block.blockPublicAcls(),
                block.ignorePublicAcls(), block.blockPublicPolicy(), block.restrictPublicBuckets()));
    }

    public S3Response deletePublicAccessBlock(S3Request request) {
        policies.deletePublicAccessBlock(configurable(request));
        return new S3Response.Empty(204, Map.of());
    }

    /** The request's bucket, once it exists and the caller may configure it. */
    private String configurable(S3Request request) {
        String bucket = request.bucket();
        store.bucket(bucket);
        if (!request.access().configures(bucket, request.operation().action())) {
            throw S3Exception.of(S3ErrorCode.ACCESS_DENIED, "Access Denied: only the admin key, a key with a "
                    + "read-write grant on the whole bucket (" + bucket + ":rw), or whom the bucket policy allows may "
                    + "read or change the policy and public access block of bucket " + bucket + ".");
        }
        return bucket;
    }

    private static PublicAccessBlock parseBlock(byte[] body) {
        XmlElement root = SafeXmlReader.parse(new ByteArrayInputStream(body), MAX_BLOCK_BODY);
        if (!root.name().equals("PublicAccessBlockConfiguration")) {
            throw S3Exception.of(S3ErrorCode.MALFORMED_XML, "Expected <PublicAccessBlockConfiguration>, found <"
                    + root.name() + ">.");
        }
        return new PublicAccessBlock(flag(root, "BlockPublicAcls"), flag(root, "IgnorePublicAcls"),
                flag(root, "BlockPublicPolicy"), flag(root, "RestrictPublicBuckets"));
    }

    private static boolean flag(XmlElement root, String name) {
        String value = root.childText(name).orElse("false").trim();
        if (!value.equals("true") && !value.equals("false")) {
            throw S3Exception.of(S3ErrorCode.MALFORMED_XML, "<" + name + "> must be true or false, not '" + value + "'.");
        }
        return value.equals("true");
    }
}
