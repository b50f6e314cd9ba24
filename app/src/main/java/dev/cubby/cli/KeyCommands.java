package dev.cubby.cli;

import dev.cubby.config.Settings;
import dev.cubby.config.SettingsException;
import dev.cubby.keys.KeyStore;

/** Runs a key command: load settings, open the store, report mistakes as one line and exit code 2. */
final class KeyCommands {
    private KeyCommands() {
    }

    @FunctionalInterface
    interface Work {
        void run(Settings settings, KeyStore store);
    }

    static int run(KeyStoreOptions options, Work work) {
        try {
            Settings settings = options.settings();
            try (KeyStore store = options.open(settings)) {
                work.run(settings, store);
            }
            return 0;
        } catch (SettingsException | IllegalArgumentException e) {
            System.err.println("cubby: " + e.getMessage());
            return 2;
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("cubby: " + e.getMessage());
            return 1;
        }
    }
}
