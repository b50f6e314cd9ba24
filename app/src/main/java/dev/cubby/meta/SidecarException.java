package dev.cubby.meta;

/** The sidecar database failed; the request fails with an internal error and nothing else changes. */
public final class SidecarException extends RuntimeException {
    public SidecarException(String message, Throwable cause) {
        super(message, cause);
    }
}
