package dev.cubby.s3.handler;

import dev.cubby.auth.Access;
import dev.cubby.auth.AccessPolicy;
import dev.cubby.auth.Authentication;
import dev.cubby.auth.PostPolicySignature;
import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.EncryptionHeaders;
import dev.cubby.s3.Operation;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.form.LengthRangeInputStream;
import dev.cubby.s3.form.PolicyCondition;
import dev.cubby.s3.form.PostForm;
import dev.cubby.s3.form.PostPolicy;
import dev.cubby.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostObject, the browser upload: {@code POST /bucket} with a multipart/form-data body. The
 * signature is in the form, so this handler (not the pipeline) verifies it once the fields before
 * the file are read, checks the policy and then the signer's grants with PutObject's permission on
 * the form's key, and streams the file through PutObject's own write path ({@link PutObjectHandler}),
 * with the form's fields as its headers ({@link FormHeaders}).
 */
public final class PostObjectHandler {
    private static final PolicyCondition.ContentLengthRange ANY_LENGTH =
            new PolicyCondition.ContentLengthRange(0, Long.MAX_VALUE);

    private final ObjectStore store;
    private final PutObjectHandler putObject;
    private final PostPolicySignature signatures;
    private final AccessPolicy accessPolicy;
    private final Clock clock;

    public PostObjectHandler(ObjectStore store, PutObjectHandler putObject, PostPolicySignature signatures,
                             AccessPolicy accessPolicy, Clock clock) {
        this.store = store;
        this.putObject = putObject;
        this.signatures = signatures;
        this.accessPolicy = accessPolicy;
        this.clock = clock;
    }

    public S3Response post(S3Request request) {
        PostForm form = PostForm.read(request.body(), request.header("content-type"));
        String policyField = form.field("policy");
        Authentication signer = signatures.verify(form::field, policyField);
        String key = key(form);
        var range = ANY_LENGTH;
        if (policyField != null) {
            PostPolicy policy = PostPolicy.parse(policyField);
            var checked = new LinkedHashMap<>(form.fields());
            checked.put("key", key);
            checked.put("bucket", request.bucket());
            policy.check(checked, clock.instant());
            range = policy.lengthRange();
        }
        Access access = accessPolicy.check(signer, request.operation().action(), request.operation().permission(),
                request.bucket(), key, request.access().context());
        TagSet tags = form.field("tagging") == null ? TagSet.EMPTY
                : TagSet.fromXml(form.field("tagging").getBytes(StandardCharsets.UTF_8));
        var headers = FormHeaders.of(form);
        EncryptionHeaders.refuse(Operation.PUT_OBJECT, name -> headers.containsKey(name) ? headers.get(name).get(0) : null);
        var upload = new S3Request(request.operation(), request.bucket(), key, Map.of(), headers,
                new LengthRangeInputStream(form.file().body(), range), Map::of, signer.accessKeyId(),
                request.requestId(), access);
        S3Response stored = putObject.put(upload);
        if (!tags.tags().isEmpty()) {
            store.tags().put(request.bucket(), key, tags.tags());
        }
        return PostResult.of(form, request.bucket(), key, stored.headers());
    }

    /** The form's {@code key}, with {@code ${filename}} replaced by the file's name, as S3 does. */
    private static String key(PostForm form) {
        String key = form.field("key");
        if (key == null) {
            throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "Bucket POST must contain a field named 'key'. "
                    + "If it is specified, please check the order of the fields (they must come before 'file').");
        }
        String filename = form.file().filename();
        if (key.contains("${filename}")) {
            if (filename == null || filename.isEmpty()) {
                throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "The key uses ${filename}, but the file part "
                        + "names no file (its Content-Disposition has no filename).");
            }
            // Browsers on some systems send the whole client path; the name is what comes after it.
            String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
            key = key.replace("${filename}", name);
        }
        if (key.isEmpty()) {
            throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "The form's key field is empty: name the object.");
        }
        return key;
    }
}
