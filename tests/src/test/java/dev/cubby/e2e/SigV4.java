package dev.cubby.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small test-only AWS Signature Version 4 signer for S3, so tests can sign requests no SDK
 * would send. {@link SigV4SelfTest} checks it against the examples AWS documents.
 *
 * <p>As S3 does, the canonical URI is the decoded path re-encoded (every byte but the unreserved
 * characters and {@code /}), never normalised: {@code a/../b} is signed as written.
 */
public final class SigV4 {
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    public static final String STREAMING_UNSIGNED_PAYLOAD_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String accessKey;
    private final String secretKey;
    private final String region;

    public SigV4(String accessKey, String secretKey, String region) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
    }

    /** Header auth at the current time, with the hex SHA-256 of the body as the signed payload. */
    public RawRequest sign(RawRequest request) {
        byte[] body = request.body() == null ? new byte[0] : request.body();
        return sign(request, Instant.now(), Digests.sha256Hex(body));
    }

    /**
     * Header auth: sets {@code x-amz-date} and {@code x-amz-content-sha256} and then signs every
     * header the request holds. The request must carry a Host header.
     */
    public RawRequest sign(RawRequest request, Instant time, String payloadHash) {
        if (request.header("Host") == null) {
            throw new IllegalArgumentException("sign a request that has a Host header");
        }
        RawRequest dated = request
                .withHeader("x-amz-date", AMZ_DATE.format(time))
                .withHeader("x-amz-content-sha256", payloadHash);
        TreeMap<String, String> canonical = canonicalHeaders(dated.headers());
        String signedHeaders = String.join(";", canonical.keySet());
        String canonicalRequest = String.join("\n",
                dated.method(),
                canonicalUri(dated.path()),
                canonicalQuery(dated.query()),
                canonical.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + "\n")
                        .collect(Collectors.joining()),
                signedHeaders,
                payloadHash);
        String signature = signature(canonicalRequest, time);
        return dated.withHeader("Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope(time)
                + ",SignedHeaders=" + signedHeaders + ",Signature=" + signature);
    }

    /** Query auth (a presigned URL) signing only the Host header, with an unsigned payload. */
    public RawRequest presign(RawRequest request, Instant time, long expiresSeconds) {
        String query = request.query();
        String auth = "X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=" + encode(accessKey + "/" + scope(time), true)
                + "&X-Amz-Date=" + AMZ_DATE.format(time)
                + "&X-Amz-Expires=" + expiresSeconds
                + "&X-Amz-SignedHeaders=host";
        String fullQuery = query.isEmpty() ? auth : query + "&" + auth;
        String canonicalRequest = String.join("\n",
                request.method(),
                canonicalUri(request.path()),
                canonicalQuery(fullQuery),
                "host:" + request.header("Host").trim() + "\n",
                "host",
                UNSIGNED_PAYLOAD);
        String signature = signature(canonicalRequest, time);
        return new RawRequest(request.method(), request.path() + "?" + fullQuery + "&X-Amz-Signature=" + signature,
                request.headers(), request.body());
    }

    String signature(String canonicalRequest, Instant time) {
        String stringToSign = String.join("\n",
                "AWS4-HMAC-SHA256",
                AMZ_DATE.format(time),
                scope(time),
                Digests.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(hmac(signingKey(time), stringToSign));
    }

    private String scope(Instant time) {
        return AMZ_DATE.format(time).substring(0, 8) + "/" + region + "/s3/aws4_request";
    }

    private byte[] signingKey(Instant time) {
        byte[] dateKey = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8),
                AMZ_DATE.format(time).substring(0, 8));
        return hmac(hmac(hmac(dateKey, region), "s3"), "aws4_request");
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

    private static TreeMap<String, String> canonicalHeaders(Map<String, String> headers) {
        TreeMap<String, String> canonical = new TreeMap<>();
        headers.forEach((name, value) ->
                canonical.put(name.toLowerCase(Locale.ROOT), value.trim().replaceAll(" +", " ")));
        return canonical;
    }

    static String canonicalUri(String rawPath) {
        return encode(decode(rawPath), false);
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {encode(decode(name), true), encode(decode(value), true)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        return pairs.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    /** RFC 3986 encoding of every byte but the unreserved ones (and {@code /} unless {@code slash}). */
    static String encode(String text, boolean slash) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !slash)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /** Percent-decoding as UTF-8; {@code +} stays a plus sign. */
    static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
