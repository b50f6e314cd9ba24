package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.cors.BucketCors;
import dev.cubby.s3.cors.CorsConfigurationReader;
import dev.cubby.store.ObjectStore;
import java.util.Map;

/**
 * GetBucketCors, PutBucketCors, DeleteBucketCors, and the answer to a CORS preflight
 * ({@code OPTIONS} on a bucket or key). The rules themselves, and how a request is matched
 * against them, are {@link BucketCors}'s.
 */
public final class CorsHandlers {
    private final ObjectStore store;
    private final BucketCors cors;

    public CorsHandlers(ObjectStore store, BucketCors cors) {
        this.store = store;
        this.cors = cors;
    }

    public S3Response get(S3Request request) {
        store.bucket(request.bucket());
        return new S3Response.Xml(200, Map.of(), cors.find(request.bucket()).orElseThrow(() ->
                S3Exception.of(S3ErrorCode.NO_SUCH_CORS_CONFIGURATION, "The bucket " + request.bucket()
                        + " has no CORS configuration.")));
    }

    /** S3 requires the body's integrity: a Content-MD5 or a checksum (current SDKs send a CRC). */
    public S3Response put(S3Request request) {
        store.bucket(request.bucket());
        if (!namesIntegrity(request)) {
            throw S3Exception.of(S3ErrorCode.INVALID_REQUEST, "Missing required header for this request: Content-MD5 "
                    + "(or an x-amz-checksum-* header or trailer).");
        }
        var configuration = CorsConfigurationReader.parse(SmallRequestBody.read(request,
                CorsConfigurationReader.MAX_BYTES));
        cors.put(request.bucket(), configuration);
        return new S3Response.Empty(200, Map.of());
    }

    public S3Response delete(S3Request request) {
        store.bucket(request.bucket());
        cors.delete(request.bucket());
        return new S3Response.Empty(204, Map.of());
    }

    /** A preflight on a bucket or any key in it (the key need not exist). */
    public S3Response preflight(S3Request request) {
        store.bucket(request.bucket());
        return new S3Response.Empty(200, cors.preflight(request.bucket(), request.headers()));
    }

    private static boolean namesIntegrity(S3Request request) {
        return request.header("content-md5") != null || request.header("x-amz-trailer") != null
                || request.headers().keySet().stream().anyMatch(name -> name.startsWith("x-amz-checksum-")
                        && !name.equals("x-amz-checksum-algorithm"));
    }
}
