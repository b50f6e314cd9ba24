package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.meta.BucketSettings;
import dev.cubby.s3.Owners;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.xml.OwnershipControls;
import dev.cubby.s3.xml.SafeXmlReader;
import dev.cubby.s3.xml.XmlElement;
import dev.cubby.store.ObjectStore;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

/**
 * Put/Get/DeleteBucketOwnershipControls: who owns objects other keys write into the bucket
 * ({@link ObjectWriteAcl}). A bucket has none until set (then objects belong to their writer, as
 * with ObjectWriter); BucketOwnerEnforced turns ACLs off.
 */
public final class OwnershipControlsHandlers {
    private static final int MAX_BYTES = 16 * 1024;
    static final List<String> SETTINGS = List.of(ObjectWriteAcl.BUCKET_OWNER_ENFORCED,
            ObjectWriteAcl.BUCKET_OWNER_PREFERRED, ObjectWriteAcl.OBJECT_WRITER);

    private final ObjectStore store;
    private final Owners owners;

    public OwnershipControlsHandlers(ObjectStore store, Owners owners) {
        this.store = store;
        this.owners = owners;
    }

    public S3Response put(S3Request request) {
        store.bucket(request.bucket());
        byte[] body = SmallRequestBody.read(request, MAX_BYTES);
        XmlElement root = SafeXmlReader.parse(new ByteArrayInputStream(body), MAX_BYTES);
        List<XmlElement> rules = root.name().equals("OwnershipControls") ? root.childrenNamed("Rule") : List.of();
        if (rules.size() != 1) {
            throw S3Exception.of(S3ErrorCode.MALFORMED_XML, "Send <OwnershipControls> with exactly one <Rule> holding "
                    + "<ObjectOwnership>.");
        }
        String setting = validated(rules.getFirst().childText("ObjectOwnership").orElse("").trim());
        String owner = owners.ownerOf(request.bucket());
        if (setting.equals(ObjectWriteAcl.BUCKET_OWNER_ENFORCED)
                && owners.bucketAcl(request.bucket(), owner).grantsBeyond(owner)) {
            throw S3Exception.of(S3ErrorCode.INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP, "The bucket's ACL grants "
                    + "others access; set it to private (PutBucketAcl) before BucketOwnerEnforced turns ACLs off.");
        }
        store.bucketSettings().put(request.bucket(), BucketSettings.OWNERSHIP_CONTROLS, setting);
        return new S3Response.Empty(200, Map.of());
    }

    public S3Response get(S3Request request) {
        store.bucket(request.bucket());
        return owners.objectOwnership(request.bucket())
                .<S3Response>map(setting -> new S3Response.Xml(200, Map.of(), new OwnershipControls(setting)))
                .orElseThrow(() -> S3Exception.of(S3ErrorCode.OWNERSHIP_CONTROLS_NOT_FOUND, "The bucket '"
                        + request.bucket() + "' has no ownership controls."));
    }

    public S3Response delete(S3Request request) {
        store.bucket(request.bucket());
        store.bucketSettings().delete(request.bucket(), BucketSettings.OWNERSHIP_CONTROLS);
        return new S3Response.Empty(204, Map.of());
    }

    /** @throws S3Exception InvalidArgument unless one of S3's three settings */
    static String validated(String setting) {
        if (!SETTINGS.contains(setting)) {
            throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "ObjectOwnership '" + setting + "' is not one of "
                    + String.join(", ", SETTINGS) + ".");
        }
        return setting;
    }
}
