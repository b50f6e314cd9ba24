package dev.cubby.auth;

import java.util.Objects;

/**
 * A long-term access key pair: the public id clients put in the credential scope and the secret
 * both sides derive signing keys from.
 *
 * <p>{@link #toString()} never shows the secret, so a credential that ends up in a log or an
 * error message does not leak it.
 */
public record Credential(String accessKeyId, String secretAccessKey) {

    public Credential {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
        return "Credential[accessKeyId=" + accessKeyId + ", secretAccessKey=<redacted>]";
    }
}
