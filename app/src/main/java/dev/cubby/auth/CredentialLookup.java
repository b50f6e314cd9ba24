package dev.cubby.auth;

import java.util.Optional;

/**
 * Where the verifier finds the secret for an access key id. Called once per signed request, so
 * implementations should answer from memory.
 */
@FunctionalInterface
public interface CredentialLookup {

    /** The credential with this access key id, or empty when the id is unknown. */
    Optional<Credential> find(String accessKeyId);
}
