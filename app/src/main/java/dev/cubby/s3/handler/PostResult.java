package dev.cubby.s3.handler;

import dev.cubby.s3.ResponseHeaders;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.form.PostForm;
import dev.cubby.s3.xml.PostResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * What a browser POST upload answers, as the form asks: a 303 to {@code success_action_redirect}
 * (or the older {@code redirect}) with bucket, key and etag in its query; else
 * {@code success_action_status} 200, 201 (with a PostResponse document) or 204, the default and
 * the answer to any other value. Each carries the object's ETag and Location.
 */
final class PostResult {
    private PostResult() {
    }

    static S3Response of(PostForm form, String bucket, String key, Map<String, String> stored) {
        String etag = stored.get("ETag");
        String location = "/" + encode(bucket) + "/" + encode(key).replace("%2F", "/");
        var headers = new ResponseHeaders().put("ETag", etag).put("Location", location);
        stored.forEach((name, value) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("x-amz-checksum-")) {
                headers.put(name, value);
            }
        });
        String redirect = form.field("success_action_redirect") != null ? form.field("success_action_redirect")
                : form.field("redirect");
        if (redirect != null && isWebAddress(redirect)) {
            String target = redirect + (redirect.contains("?") ? "&" : "?") + "bucket=" + encode(bucket)
                    + "&key=" + encode(key) + "&etag=" + encode(etag);
            return new S3Response.Empty(303, headers.put("Location", target).build());
        }
        String status = form.field("success_action_status");
        return switch (status == null ? "" : status.trim()) {
            case "200" -> new S3Response.Empty(200, headers.build());
            case "201" -> new S3Response.Xml(201, headers.build(), new PostResponse(location, bucket, key, etag));
            default -> new S3Response.Empty(204, headers.build());
        };
    }

    /** Only an absolute http or https address is followed; anything else answers as if absent, as S3 does. */
    private static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value.trim());
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
