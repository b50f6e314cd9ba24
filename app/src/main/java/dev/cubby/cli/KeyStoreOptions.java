package dev.cubby.cli;

import dev.cubby.config.Settings;
import dev.cubby.config.SettingsLoader;
import dev.cubby.keys.KeyStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import picocli.CommandLine.Option;

/**
 * The options the key commands share with {@code serve}: where the settings and the state folder
 * are, and the endpoint printed for clients. No root folder is needed.
 */
final class KeyStoreOptions {

    @Option(names = "--config", description = "YAML config file, as for serve (default: $CUBBY_CONFIG, else none)")
    Path config;

    @Option(names = "--state", description = "private folder holding the key store ($CUBBY_STATE; "
            + "default ~/.local/state/cubby)")
    String state;

    @Option(names = "--endpoint", description = "URL clients use to reach the server, for printed configs and links "
            + "($CUBBY_ENDPOINT; default from the configured address, port and TLS)")
    String endpoint;

    Settings settings() {
        var flags = new HashMap<String, String>();
        flags.put("state", state);
        flags.put("endpoint", endpoint);
        return SettingsLoader.loadWithoutRoot(config, System.getenv(), flags);
    }

    KeyStore open(Settings settings) {
        return KeyStore.open(settings.stateDir(), Clock.systemUTC());
    }
}
