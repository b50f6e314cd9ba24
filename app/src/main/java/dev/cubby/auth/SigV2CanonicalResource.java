package dev.cubby.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The {@code CanonicalizedResource} of Signature Version 2: the path, then the S3 sub-resources
 * of the query.
 *
 * <p>The path is the raw path exactly as on the request line, still percent-encoded as the client
 * sent it: that is what clients sign (boto signs its quoted path), and unlike SigV4 there is no
 * canonical re-encoding to fall back on. For a virtual-hosted request {@code /bucket}, taken from
 * the Host header, comes first, as in S3: SigV2 does not sign the Host header, so without it a
 * URL signed for {@code /alpha/key} (path style) would, sent to {@code beta.<domain>}, reach
 * {@code beta/alpha/key}.
 *
 * <p>Query parameters are left out except the documented sub-resources and {@code response-*}
 * overrides. Those are sorted by name and appended after {@code '?'}, joined with {@code '&'},
 * with their decoded value when the parameter has one ({@code ?uploads} stays bare).
 */
final class SigV2CanonicalResource {
    /** The sub-resources the AWS "Signing and Authenticating REST Requests" page lists. */
    static final Set<String> SUB_RESOURCES = Set.of(
            "acl", "cors", "delete", "lifecycle", "location", "logging", "notification", "partNumber", "policy",
            "requestPayment", "tagging", "torrent", "uploadId", "uploads", "versionId", "versioning", "versions",
            "website",
            "response-cache-control", "response-content-disposition", "response-content-encoding",
            "response-content-language", "response-content-type", "response-expires");

    private SigV2CanonicalResource() {
    }

    /** The canonicalized resource of a path-style request. */
    static String of(String rawPath, String rawQuery) {
        return of(null, rawPath, rawQuery);
    }

    /**
     * The resources a signature may have been made over: the canonical one, and for a request to a
     * bucket itself ({@code /bucket}) also {@code /bucket/}, which botocore signs for a path-style
     * request without sending the slash (S3 takes both).
     */
    static List<String> accepted(String virtualHostBucket, String rawPath, String rawQuery) {
        String canonical = of(virtualHostBucket, rawPath, rawQuery);
        boolean bucketOnly = virtualHostBucket == null && rawPath.length() > 1 && rawPath.indexOf('/', 1) < 0;
        return bucketOnly ? List.of(canonical, of(null, rawPath + "/", rawQuery)) : List.of(canonical);
    }

    /** @param virtualHostBucket the bucket the Host header names, or null for a path-style request */
    static String of(String virtualHostBucket, String rawPath, String rawQuery) {
        String path = rawPath.isEmpty() ? "/" : rawPath;
        if (virtualHostBucket != null) {
            path = "/" + virtualHostBucket + path;
        }
        List<String[]> included = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String segment : rawQuery.split("&", -1)) {
                int equals = segment.indexOf('=');
                String rawName = equals < 0 ? segment : segment.substring(0, equals);
                String name = PercentDecoding.lenientToString(rawName, true);
                if (!SUB_RESOURCES.contains(name)) {
                    continue;
                }
                String entry = equals < 0
                        ? name
                        : name + "=" + PercentDecoding.lenientToString(segment.substring(equals + 1), true);
                included.add(new String[] {name, entry});
            }
        }
        if (included.isEmpty()) {
            return path;
        }
        // A stable sort by name alone, so repeated names keep the order they were sent in.
        included.sort(Comparator.comparing(pair -> pair[0]));
        StringBuilder resource = new StringBuilder(path).append('?');
        for (int i = 0; i < included.size(); i++) {
            resource.append(i == 0 ? "" : "&").append(included.get(i)[1]);
        }
        return resource.toString();
    }
}
