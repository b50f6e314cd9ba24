package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.HttpDates;
import dev.cubby.s3.ResponseHeaders;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.VersionId;
import dev.cubby.store.ObjectStore;
import dev.cubby.store.OpenObject;
import dev.cubby.store.StoredObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/** GetObject and HeadObject: preconditions, a single range or a part, response-* overrides, checksums. */
public final class GetObjectHandler {
    /** Query parameters that override a response header of a GET, as S3 defines them. */
    private static final Map<String, String> OVERRIDES = Map.of(
            "response-content-type", "Content-Type",
            "response-content-language", "Content-Language",
            "response-expires", "Expires",
            "response-cache-control", "Cache-Control",
            "response-content-disposition", "Content-Disposition",
            "response-content-encoding", "Content-Encoding");

    private final ObjectStore store;

    public GetObjectHandler(ObjectStore store) {
        this.store = store;
    }

    public S3Response head(S3Request request) {
        StoredObject object = store.head(request.bucket(), request.key());
        return respond(request, object, null);
    }

    public S3Response get(S3Request request) {
        OpenObject open = store.open(request.bucket(), request.key());
        try {
            return respond(request, open.object(), open);
        } catch (RuntimeException e) {
            closeQuietly(open);
            throw e;
        }
    }

    /**
     * GetObjectTorrent: Cubby makes no torrent files, so no object has one; S3 answers NoSuchKey
     * where torrents are not offered, and clients take that as "no torrent".
     */
    public S3Response torrent(S3Request request) {
        StoredObject object = store.head(request.bucket(), request.key());
        throw S3Exception.of(S3ErrorCode.NO_SUCH_KEY, "Cubby serves no torrent files: "
                + "there is no torrent of '" + object.key() + "'. GET the object without ?torrent.");
    }

    private S3Response respond(S3Request request, StoredObject object, OpenObject open) {
        Preconditions.checkRead(request, object.etag(), object.lastModified());
        Optional<PartSelection> part = PartSelection.of(request, object, store.multipart());
        Optional<ByteRange> range = part.isPresent() ? part.get().range()
                : ByteRange.parse(request.header("range"), object.size());
        // The object's checksum describes the bytes sent only when they are the whole object.
        boolean wholeObject = part.isPresent()
                ? part.get().checksum() == null && range.map(r -> r.length() == object.size()).orElse(true)
                : range.isEmpty();
        var headers = ObjectHeaders.of(object, request, wholeObject);
        part.ifPresent(p -> {
            headers.put("x-amz-mp-parts-count", p.partsCount());
            // A part's own checksum, with the type of the object's (as S3 answers a part read).
            if (p.checksum() != null && object.checksum() != null && ObjectHeaders.checksumMode(request)) {
                headers.put("x-amz-checksum-" + object.checksum().algorithm().toLowerCase(java.util.Locale.ROOT),
                        p.checksum());
                headers.put("x-amz-checksum-type", object.checksum().type().name());
            }
        });
        int tagCount = store.tags().count(object);
        headers.put("x-amz-tagging-count", tagCount == 0 ? null : tagCount);
        headers.put("x-amz-version-id", VersionId.requested(request));
        long offset = 0;
        long length = object.size();
        int status = 200;
        if (range.isPresent()) {
            status = 206;
            offset = range.get().first();
            length = range.get().length();
            headers.put("Content-Range", range.get().contentRange(object.size()));
        }
        OVERRIDES.forEach((param, header) -> {
            if (request.hasParam(param)) {
                headers.put(header, request.param(param));
            }
        });
        headers.put("Content-Length", length);
        if (open == null) {
            return new S3Response.Empty(status, headers.build());
        }
        return new S3Response.ObjectBytes(status, headers.build(), open, offset, length);
    }

    private static void closeQuietly(OpenObject open) {
        try {
            open.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Headers that describe a stored object, shared by GET, HEAD and PUT-style answers. */
    static final class ObjectHeaders {
        private ObjectHeaders() {
        }

        static ResponseHeaders of(StoredObject object, S3Request request, boolean wholeObject) {
            var meta = object.metadata();
            var headers = new ResponseHeaders()
                    .put("ETag", ResponseHeaders.quoted(object.etag()))
                    .put("Last-Modified", HttpDates.header(object.lastModified()))
                    .put("Accept-Ranges", "bytes")
                    .put("Content-Type", meta.contentType())
                    .put("Cache-Control", meta.cacheControl())
                    .put("Content-Disposition", meta.contentDisposition())
                    .put("Content-Encoding", meta.contentEncoding())
                    .put("Content-Language", meta.contentLanguage())
                    .put("Expires", meta.expires());
            meta.userMetadata().forEach((name, value) -> headers.put("x-amz-meta-" + name, value));
            if (wholeObject && object.checksum() != null && checksumMode(request)) {
                var checksum = object.checksum();
                headers.put("x-amz-checksum-" + checksum.algorithm().toLowerCase(java.util.Locale.ROOT), checksum.value());
                headers.put("x-amz-checksum-type", checksum.type().name());
            }
            return headers;
        }

        /** The client asked for checksums ({@code x-amz-checksum-mode: ENABLED}). */
        static boolean checksumMode(S3Request request) {
            return "ENABLED".equalsIgnoreCase(request.header("x-amz-checksum-mode"));
        }
    }
}
