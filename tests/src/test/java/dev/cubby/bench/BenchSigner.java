package dev.cubby.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SigV4 header signing as the SDKs do it for an unsigned payload (UNSIGNED-PAYLOAD, signed
 * headers host;x-amz-content-sha256;x-amz-date), lean enough that the load generator is never
 * the bottleneck: the day's signing key is cached and each thread keeps its own Mac. Paths and
 * queries must already be in canonical form (the bench's keys are plain ASCII, queries sorted);
 * BenchSignerTest checks it against the suite's reference signer.
 */
final class BenchSigner {
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private volatile DayKey dayKey;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(BenchSigner::newMac);
    private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(BenchSigner::newSha256);

    private record DayKey(String day, byte[] key) {
    }

    /** The three headers a signed request adds: x-amz-date, x-amz-content-sha256, Authorization. */
    record Signed(String amzDate, String authorization) {
    }

    BenchSigner(String accessKey, String secretKey, String region) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
    }

    Signed sign(String method, String path, String canonicalQuery, String host, Instant time) {
        String amzDate = AMZ_DATE.format(time);
        String day = amzDate.substring(0, 8);
        String scope = day + "/" + region + "/s3/aws4_request";
        String canonicalRequest = method + "\n" + path + "\n" + canonicalQuery + "\n"
                + "host:" + host + "\n"
                + "x-amz-content-sha256:" + UNSIGNED_PAYLOAD + "\n"
                + "x-amz-date:" + amzDate + "\n\n"
                + "host;x-amz-content-sha256;x-amz-date\n"
                + UNSIGNED_PAYLOAD;
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + HexFormat.of().formatHex(sha256.get().digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        String signature = HexFormat.of().formatHex(hmac(key(day), stringToSign));
        return new Signed(amzDate, "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope
                + ",SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=" + signature);
    }

    private byte[] key(String day) {
        DayKey current = dayKey;
        if (current == null || !current.day().equals(day)) {
            byte[] dateKey = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
            current = new DayKey(day, hmac(hmac(hmac(dateKey, region), "s3"), "aws4_request"));
            dayKey = current;
        }
        return current.key();
    }

    private byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = macs.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
