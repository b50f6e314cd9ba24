package dev.cubby.config;

/** A setting is missing or wrong; the message says which and how to fix it. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
