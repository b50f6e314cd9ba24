package dev.cubby.fuse;

/** FUSE cannot be used on this machine; the message is one line that says what to install or do. */
public final class FuseUnavailable extends Exception {
    public FuseUnavailable(String message) {
        super(message, null, false, false);
    }
}
