package dev.cubby.s3.handler;

import dev.cubby.s3.form.PostForm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request headers a browser POST upload's form fields stand for, so the file is stored
 * through PutObject's rules as if PUT with them: Content-Type (else the file part's own),
 * Cache-Control, Content-Disposition, Content-Encoding, Content-Language, Expires, {@code acl} as
 * {@code x-amz-acl}, and the {@code x-amz-*} fields ({@code x-amz-meta-*}, {@code x-amz-checksum-*},
 * {@code x-amz-tagging}...) except those that sign the form or describe an HTTP body.
 */
final class FormHeaders {
    private static final Set<String> STANDARD = Set.of("content-type", "cache-control", "content-disposition",
            "content-encoding", "content-language", "expires");
    private static final Set<String> NOT_HEADERS = Set.of("x-amz-algorithm", "x-amz-credential", "x-amz-date",
            "x-amz-signature", "x-amz-security-token", "x-amz-content-sha256", "x-amz-decoded-content-length",
            "x-amz-trailer", "x-amz-copy-source");

    private FormHeaders() {
    }

    static Map<String, List<String>> of(PostForm form) {
        var headers = new LinkedHashMap<String, List<String>>();
        form.fields().forEach((name, value) -> {
            if (STANDARD.contains(name) || (name.startsWith("x-amz-") && !NOT_HEADERS.contains(name)
                    && !name.startsWith("x-amz-copy-source"))) {
                headers.put(name, List.of(value));
            }
        });
        if (form.field("acl") != null) {
            headers.put("x-amz-acl", List.of(form.field("acl")));
        }
        if (!headers.containsKey("content-type") && form.file().contentType() != null) {
            headers.put("content-type", List.of(form.file().contentType()));
        }
        return headers;
    }
}
