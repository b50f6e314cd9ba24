package dev.cubby.s3.handler;

import dev.cubby.auth.Permission;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.StoreErrors;
import dev.cubby.s3.VersionId;
import dev.cubby.s3.xml.DeleteResult;
import dev.cubby.store.ObjectStore;
import java.util.ArrayList;
import java.util.Map;

/**
 * DeleteObjects (POST ?delete). The whole body is read and its Content-MD5 or checksum verified
 * before any key is touched, so a damaged list deletes nothing. Each key is then deleted on its
 * own: a missing key counts as deleted (as in S3), and a key that fails is reported in an
 * {@code <Error>} while the others go. Quiet mode reports only the failures.
 *
 * <p>A key's {@code <VersionId>} follows {@link VersionId}: {@code null} deletes the object, any
 * other is that key's InvalidArgument and leaves it in place, never deleting the current object
 * in place of the version named.
 *
 * <p>The pipeline checks WRITE somewhere in the bucket; each listed key is then asked of the
 * caller's access, since the keys travel in the body: a refused key is that key's AccessDenied
 * while the allowed ones go.
 */
public final class DeleteObjectsHandler {
    private final ObjectStore store;

    public DeleteObjectsHandler(ObjectStore store) {
        this.store = store;
    }

    public S3Response deleteObjects(S3Request request) {
        store.bucket(request.bucket());
        var body = DeleteRequestBody.parse(SmallRequestBody.read(request, DeleteRequestBody.MAX_BYTES));
        var deleted = new ArrayList<DeleteResult.Deleted>();
        var errors = new ArrayList<DeleteResult.Failure>();
        for (var object : body.objects()) {
            try {
                request.access().require("s3:DeleteObject", Permission.WRITE, request.bucket(), object.key());
                if (object.versionId() != null) {
                    VersionId.requireNull(object.versionId(), "<VersionId>");
                }
                store.delete(request.bucket(), object.key());
                if (!body.quiet()) {
                    deleted.add(new DeleteResult.Deleted(object.key(), object.versionId()));
                }
            } catch (RuntimeException e) {
                errors.add(failure(object, StoreErrors.toS3(e, request.requestId())));
            }
        }
        return new S3Response.Xml(200, Map.of(), new DeleteResult(deleted, errors));
    }

    private static DeleteResult.Failure failure(DeleteRequestBody.ObjectIdentifier object, S3Exception error) {
        return new DeleteResult.Failure(object.key(), object.versionId(), error.code().wireCode(), error.getMessage());
    }
}
