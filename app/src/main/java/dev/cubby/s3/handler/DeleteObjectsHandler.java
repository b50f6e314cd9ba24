package dev.cubby.s3.handler;

import dev.cubby.s3.S3Request;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.StoreErrors;
import dev.cubby.s3.error.S3ErrorCode;
import dev.cubby.s3.error.S3Exception;
import dev.cubby.s3.xml.DeleteResult;
import dev.cubby.store.ObjectStore;
import dev.cubby.store.StoreException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Map;

/**
 * DeleteObjects (POST ?delete). The whole body is read and its Content-MD5 or checksum verified
 * before any key is touched, so a damaged list deletes nothing. Each key is then deleted on its
 * own: a missing key counts as deleted (as in S3), and a key that fails is reported in an
 * {@code <Error>} while the others go. Quiet mode reports only the failures.
 *
 * <p>The pipeline checks WRITE on the bucket; when keys can be scoped to a prefix, each listed key
 * must be checked against the scope here, since the keys travel in the body.
 */
public final class DeleteObjectsHandler {
    private final ObjectStore store;

    public DeleteObjectsHandler(ObjectStore store) {
        this.store = store;
    }

    public S3Response deleteObjects(S3Request request) {
        store.bucket(request.bucket());
        var body = DeleteRequestBody.parse(SmallRequestBody.read(request, DeleteRequestBody.MAX_BYTES));
        var deleted = new ArrayList<String>();
        var errors = new ArrayList<DeleteResult.Failure>();
        for (String key : body.keys()) {
            try {
                store.delete(request.bucket(), key);
                if (!body.quiet()) {
                    deleted.add(key);
                }
            } catch (StoreException e) {
                S3Exception error = StoreErrors.toS3(e);
                errors.add(new DeleteResult.Failure(key, error.code().wireCode(), error.getMessage()));
            } catch (UncheckedIOException e) {
                errors.add(new DeleteResult.Failure(key, S3ErrorCode.INTERNAL_ERROR.wireCode(),
                        "Cubby could not delete this key: " + e.getMessage()));
            }
        }
        return new S3Response.Xml(200, Map.of(), new DeleteResult(deleted, errors));
    }
}
