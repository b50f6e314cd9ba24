package dev.cubby.auth;

/**
 * The one rule for S3 canonical user ids: 64 lower-case hex digits, the SHA-256 of the access key
 * id. Deterministic, so an id survives restarts and stays the same in every answer, and it
 * reveals nothing of the secret.
 */
public final class CanonicalIds {
    private CanonicalIds() {
    }

    public static String of(String accessKeyId) {
        return Sha256.hex(accessKeyId);
    }
}
