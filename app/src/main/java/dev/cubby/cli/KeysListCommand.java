package dev.cubby.cli;

import dev.cubby.auth.AccessKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cubby keys list}: every key, with kind, name, grants and expiry; never a secret. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the access keys (admin, manual, session and share keys); secrets are never shown.")
final class KeysListCommand implements Callable<Integer> {
    @Mixin
    KeyStoreOptions options;

    @Override
    public Integer call() {
        return KeyCommands.run(options, (settings, store) -> {
            var keys = store.load();
            if (keys.isEmpty()) {
                System.out.println("No access keys yet: 'cubby keys create --name NAME --grant BUCKET:rw' makes one.");
            }
            System.out.printf("%-20s  %-7s  %-16s  %s%n", "ACCESS KEY ID", "KIND", "NAME", "GRANTS; EXPIRY");
            for (AccessKey key : keys) {
                System.out.println(KeysCommand.describe(key, store.now()));
            }
        });
    }
}
