package dev.cubby.s3.handler;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cubby.error.S3Exception;
import dev.cubby.s3.Operation;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.StoreErrors;
import dev.cubby.store.StoreException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds handler requests as the pipeline would pass them on, with a real body stream. */
final class RequestFixture {
    private RequestFixture() {
    }

    static S3Request request(Operation operation, String bucket, String key, Map<String, String> headers, String body) {
        var lower = new LinkedHashMap<String, List<String>>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), List.of(value)));
        return new S3Request(operation, bucket, key, Map.of(), lower,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), Map::of, "AKID", "REQ", dev.cubby.auth.Access.admin());
    }

    /** The S3 error code a call fails with, mapping store failures as the server does. */
    static String errorCode(Runnable call) {
        RuntimeException e = assertThrows(RuntimeException.class, call::run);
        if (e instanceof StoreException store) {
            return StoreErrors.toS3(store).code().wireCode();
        }
        return ((S3Exception) e).code().wireCode();
    }
}
