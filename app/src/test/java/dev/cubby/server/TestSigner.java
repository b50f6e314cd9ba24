package dev.cubby.server;

import dev.cubby.auth.Credential;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SigV4 header signing as an S3 client does it, written from AWS's documentation apart from the
 * server's verifier (so a shared mistake cannot hide). Paths and queries are plain ASCII here.
 */
final class TestSigner {
    private static final String REGION = "us-east-1";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private TestSigner() {
    }

    /** The headers to send: Host, x-amz-date, x-amz-content-sha256 and Authorization. */
    static Map<String, String> sign(Credential credential, String method, String path, String query) {
        String amzDate = ZonedDateTime.now(ZoneOffset.UTC).format(AMZ_DATE);
        String day = amzDate.substring(0, 8);
        String scope = day + "/" + REGION + "/s3/aws4_request";
        String signedHeaders = "host;x-amz-content-sha256;x-amz-date";
        String canonical = method + "\n" + path + "\n" + canonicalQuery(query) + "\n"
                + "host:" + PipelineContract.HOST + "\n"
                + "x-amz-content-sha256:UNSIGNED-PAYLOAD\n"
                + "x-amz-date:" + amzDate + "\n\n"
                + signedHeaders + "\nUNSIGNED-PAYLOAD";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonical);
        byte[] key = hmac(("AWS4" + credential.secretAccessKey()).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(hmac(hmac(key, REGION), "s3"), "aws4_request");
        String signature = HexFormat.of().formatHex(hmac(key, toSign));
        var headers = new LinkedHashMap<String, String>();
        headers.put("Host", PipelineContract.HOST);
        headers.put("x-amz-date", amzDate);
        headers.put("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
        headers.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + credential.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        return headers;
    }

    /** Parameters sorted by name, each as {@code name=value} (a bare name gets an empty value). */
    private static String canonicalQuery(String query) {
        if (query.isEmpty()) {
            return "";
        }
        return java.util.Arrays.stream(query.split("&"))
                .map(pair -> pair.contains("=") ? pair : pair + "=")
                .sorted()
                .reduce((a, b) -> a + "&" + b).orElse("");
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
