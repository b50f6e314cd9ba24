package dev.cubby.cli;

import dev.cubby.auth.Credential;
import dev.cubby.auth.Presigner;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a browser upload form for {@code cubby share --upload}: a SigV4-signed POST
 * policy that lets the form put files under one prefix of one bucket, up to a size, until it
 * expires. Each file keeps its own name ({@code ${filename}}) under the prefix. The form answers
 * 201 with a PostResponse document, so whoever uploads sees the key it was stored under.
 *
 * @param action the URL the form posts to (the bucket, path style)
 * @param fields the hidden fields, in the order they must be sent (all before the file)
 */
record UploadForm(String action, Map<String, String> fields) {

    static UploadForm sign(String endpoint, String region, Credential credential, String bucket, String prefix,
                           long maxBytes, Instant now, Instant expires) {
        Map<String, String> signing = Presigner.postFormFields(credential, region, now);
        String policyJson = "{\"expiration\":" + json(expires.truncatedTo(ChronoUnit.SECONDS).toString())
                + ",\"conditions\":["
                + "{\"bucket\":" + json(bucket) + "},"
                + "[\"starts-with\",\"$key\"," + json(prefix) + "],"
                + "{\"success_action_status\":\"201\"},"
                + "[\"content-length-range\",0," + maxBytes + "],"
                + "{\"x-amz-algorithm\":" + json(signing.get("x-amz-algorithm")) + "},"
                + "{\"x-amz-credential\":" + json(signing.get("x-amz-credential")) + "},"
                + "{\"x-amz-date\":" + json(signing.get("x-amz-date")) + "}"
                + "]}";
        String policy = Base64.getEncoder().encodeToString(policyJson.getBytes(StandardCharsets.UTF_8));
        var fields = new LinkedHashMap<String, String>();
        fields.put("key", prefix + "${filename}");
        fields.put("success_action_status", "201");
        fields.putAll(signing);
        fields.put("policy", policy);
        fields.put("x-amz-signature", Presigner.signPostPolicy(credential, region, now, policy));
        String base = endpoint.replaceAll("/+$", "");
        return new UploadForm(base + "/" + bucket, fields);
    }

    /** A JSON string literal. */
    private static String json(String value) {
        var out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
