package dev.cubby.cli;

import dev.cubby.config.SettingsLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cubby keys renew}: a session key (or a manual key with --ttl) lasts from now for its lifetime again. */
@Command(name = "renew", mixinStandardHelpOptions = true,
        description = "Extend a session key (or an expiring manual key) to expire --ttl from now; a session key's "
                + "own lifetime by default. Works on expired keys too.")
final class KeysRenewCommand implements Callable<Integer> {
    @Mixin
    KeyStoreOptions options;

    @Parameters(paramLabel = "ID|NAME", description = "access key id, or the name of exactly one key")
    String key;

    @Option(names = "--ttl", description = "new lifetime from now, e.g. 1h, 30m, 7d (default: the session key's own)")
    String ttl;

    @Override
    public Integer call() {
        return KeyCommands.run(options, (settings, store) -> {
            var renewed = store.renew(key, ttl == null ? null : SettingsLoader.duration("--ttl", ttl));
            System.out.println("Renewed " + renewed.accessKeyId() + " (" + renewed.name() + "): expires "
                    + renewed.expires() + ".");
        });
    }
}
