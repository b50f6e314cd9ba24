package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.VersionId;
import dev.cubby.s3.xml.ListBucketResult;
import dev.cubby.s3.xml.ListVersionsResult;
import dev.cubby.s3.Owners;
import dev.cubby.s3.xml.Owner;
import dev.cubby.store.ListPage;
import dev.cubby.store.ListQuery;
import dev.cubby.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;

/** ListObjects (V1), ListObjectsV2 and ListObjectVersions: one listing, three answers. */
public final class ListObjectsHandler {
    private static final int MAX_KEYS = 1000;

    private final ObjectStore store;
    private final Owners owners;

    public ListObjectsHandler(ObjectStore store, Owners owners) {
        this.store = store;
        this.owners = owners;
    }

    public S3Response listV2(S3Request request) {
        String token = request.param("continuation-token");
        String startAfter = request.param("start-after");
        String resumeAfter = token != null ? ContinuationToken.decode(token) : startAfter;
        var query = query(request, resumeAfter);
        ListPage page = store.list(request.bucket(), query);
        String next = page.truncated() ? ContinuationToken.encode(page.lastReturned()) : null;
        var paging = new ListBucketResult.Paging(null, null, token, next, startAfter);
        boolean fetchOwner = "true".equalsIgnoreCase(request.param("fetch-owner"));
        return answer(request, true, query, page, paging, fetchOwner ? owners.listingOwners(request.bucket()) : null);
    }

    public S3Response listV1(S3Request request) {
        String marker = request.param("marker");
        var query = query(request, marker);
        ListPage page = store.list(request.bucket(), query);
        // S3 sends NextMarker only with a delimiter; without one, clients resume after the last key.
        String nextMarker = page.truncated() && query.delimiter() != null ? page.lastReturned() : null;
        var paging = new ListBucketResult.Paging(marker == null ? "" : marker, nextMarker, null, null, null);
        return answer(request, false, query, page, paging, owners.listingOwners(request.bucket()));
    }

    /**
     * ListObjectVersions over the same listing: Cubby keeps no versions, so each object is listed
     * as its one version, {@code null}, the latest (see {@link VersionId}). The only version of the
     * key-marker's key is therefore the one the marker names, and the page resumes after that key.
     */
    public S3Response listVersions(S3Request request) {
        String keyMarker = request.param("key-marker");
        String versionIdMarker = request.param("version-id-marker");
        if (versionIdMarker != null && !versionIdMarker.isEmpty()) {
            if (keyMarker == null || keyMarker.isEmpty()) {
                throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT,
                        "A version-id marker cannot be specified without a key marker.");
            }
            VersionId.requireNull(versionIdMarker, "version-id-marker");
        }
        String encodingType = encodingType(request);
        var query = query(request, keyMarker);
        ListPage page = store.list(request.bucket(), query);
        var versions = page.objects().stream()
                .map(e -> new ListVersionsResult.Version(e.key(), VersionId.NULL, true, e.lastModified(), e.etag(),
                        e.size(), e.checksumAlgorithm()))
                .toList();
        boolean endsOnPrefix = !page.commonPrefixes().isEmpty()
                && page.commonPrefixes().getLast().equals(page.lastReturned());
        var markers = new ListVersionsResult.Markers(keyMarker, versionIdMarker,
                page.truncated() ? page.lastReturned() : null,
                page.truncated() && !endsOnPrefix ? VersionId.NULL : null);
        var document = new ListVersionsResult(request.bucket(), query.prefix(), query.delimiter(), maxKeys(request),
                page.truncated(), encodingType, markers, versions, page.commonPrefixes(), owners.listingOwners(request.bucket()), encoder(encodingType));
        return new S3Response.Xml(200, Map.of(), document);
    }

    private S3Response answer(S3Request request, boolean v2, ListQuery query, ListPage page,
                              ListBucketResult.Paging paging, java.util.function.Function<String, Owner> contentOwner) {
        String encodingType = encodingType(request);
        var contents = page.objects().stream()
                .map(e -> new ListBucketResult.Content(e.key(), e.lastModified(), e.etag(), e.checksumAlgorithm(),
                        e.size()))
                .toList();
        var document = new ListBucketResult(v2, request.bucket(), query.prefix(), query.delimiter(), maxKeys(request),
                page.truncated(), encodingType, paging, contents, page.commonPrefixes(), contentOwner,
                encoder(encodingType));
        return new S3Response.Xml(200, Map.of(), document);
    }

    /** The request's encoding-type: null or "url". */
    private static String encodingType(S3Request request) {
        String encodingType = request.param("encoding-type");
        if (encodingType != null && !encodingType.equals("url")) {
            throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "Invalid Encoding Method specified in Request: "
                    + "encoding-type may only be 'url'.");
        }
        return encodingType;
    }

    private static UnaryOperator<String> encoder(String encodingType) {
        return encodingType == null ? UnaryOperator.identity() : KeyEncoding::url;
    }

    private static ListQuery query(S3Request request, String resumeAfter) {
        return new ListQuery(request.param("prefix"), request.param("delimiter"), resumeAfter, maxKeys(request),
                request.access().readablePrefixes(request.bucket()));
    }

    private static int maxKeys(S3Request request) {
        return Math.min(WholeNumberParameter.nonNegative(request.param("max-keys"), MAX_KEYS, "max-keys"), MAX_KEYS);
    }

    /** An opaque token: the key or common prefix the next page resumes after. */
    static final class ContinuationToken {
        private ContinuationToken() {
        }

        static String encode(String resumeAfter) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(resumeAfter.getBytes(StandardCharsets.UTF_8));
        }

        static String decode(String token) {
            try {
                return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "The continuation token provided is incorrect.");
            }
        }
    }
}
