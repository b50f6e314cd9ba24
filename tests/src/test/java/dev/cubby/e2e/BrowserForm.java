package dev.cubby.e2e;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A browser POST upload form built as a browser or SDK would, independently of Cubby's code: a
 * policy document, its SigV4 or SigV2 signature (the HMAC maths written out here), and the
 * multipart/form-data body with the fields in order and the file last.
 */
final class BrowserForm {
    static final String BOUNDARY = "----cubbyE2eFormBoundaryQ8x7";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Map<String, String> fields = new LinkedHashMap<>();

    BrowserForm field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    Map<String, String> fields() {
        return fields;
    }

    /** A policy JSON document expiring at {@code expiration} with these raw JSON conditions. */
    static String policy(Instant expiration, String... conditions) {
        return Base64.getEncoder().encodeToString(("{\"expiration\": \"" + expiration + "\", \"conditions\": ["
                + String.join(", ", conditions) + "]}").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Adds the SigV4 fields and signs {@code policy} with them. The policy must name
     * x-amz-algorithm, x-amz-credential and x-amz-date; {@link #v4Conditions} gives those.
     */
    BrowserForm signV4(String accessKey, String secret, String region, Instant at, String policy) {
        String day = AMZ_DATE.format(at).substring(0, 8);
        fields.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
        fields.put("x-amz-credential", accessKey + "/" + day + "/" + region + "/s3/aws4_request");
        fields.put("x-amz-date", AMZ_DATE.format(at));
        fields.put("policy", policy);
        byte[] key = hmac("HmacSHA256", ("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
        key = hmac("HmacSHA256", key, region);
        key = hmac("HmacSHA256", key, "s3");
        key = hmac("HmacSHA256", key, "aws4_request");
        fields.put("x-amz-signature", HexFormat.of().formatHex(hmac("HmacSHA256", key, policy)));
        return this;
    }

    /** The conditions a SigV4 form's policy needs for its own signing fields. */
    static String[] v4Conditions(String accessKey, String region, Instant at) {
        String day = AMZ_DATE.format(at).substring(0, 8);
        return new String[]{"{\"x-amz-algorithm\": \"AWS4-HMAC-SHA256\"}",
                "{\"x-amz-credential\": \"" + accessKey + "/" + day + "/" + region + "/s3/aws4_request\"}",
                "{\"x-amz-date\": \"" + AMZ_DATE.format(at) + "\"}"};
    }

    /** Adds the SigV2 fields: AWSAccessKeyId and the base64 HMAC-SHA1 of the policy. */
    BrowserForm signV2(String accessKey, String secret, String policy) {
        fields.put("AWSAccessKeyId", accessKey);
        fields.put("policy", policy);
        fields.put("signature", Base64.getEncoder().encodeToString(
                hmac("HmacSHA1", secret.getBytes(StandardCharsets.UTF_8), policy)));
        return this;
    }

    /** The body: every field, then the file part, then the closing boundary. */
    byte[] body(String filename, byte[] file) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(head(filename));
        out.writeBytes(file);
        out.writeBytes(tail());
        return out.toByteArray();
    }

    /** The body as a stream, for files too large to hold twice. */
    InputStream stream(String filename, InputStream file) {
        return new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream(head(filename)), file, new java.io.ByteArrayInputStream(tail()))));
    }

    static String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    private byte[] head(String filename) {
        var text = new StringBuilder();
        fields.forEach((name, value) -> text.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        text.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"file\"")
                .append(filename == null ? "" : "; filename=\"" + filename + "\"")
                .append("\r\nContent-Type: application/octet-stream\r\n\r\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] tail() {
        return ("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"after\"\r\n\r\nignored\r\n--"
                + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(String algorithm, byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
