package dev.cubby.auth;

/**
 * What the chunk and trailer signatures of a streaming upload are checked with: the request's
 * signing key, time and scope, and its signature, which seeds the chain of chunk signatures.
 *
 * <p>Opaque outside this package; it holds a key derived from the secret and deliberately has no
 * public accessors, and its {@link #toString()} reveals nothing.
 */
public final class SigningContext {
    private final SigningKey signingKey;
    private final String amzDate;
    private final CredentialScope scope;
    private final String seedSignature;

    SigningContext(SigningKey signingKey, String amzDate, CredentialScope scope, String seedSignature) {
        this.signingKey = signingKey;
        this.amzDate = amzDate;
        this.scope = scope;
        this.seedSignature = seedSignature;
    }

    SigningKey signingKey() {
        return signingKey;
    }

    String amzDate() {
        return amzDate;
    }

    CredentialScope scope() {
        return scope;
    }

    String seedSignature() {
        return seedSignature;
    }

    @Override
    public String toString() {
        return "SigningContext[scope=" + scope.text() + "]";
    }
}
