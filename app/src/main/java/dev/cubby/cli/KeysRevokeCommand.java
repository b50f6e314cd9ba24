package dev.cubby.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cubby keys revoke}: the key (or share link) stops working on the server's next request. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke an access key or a share link: a running server refuses it from its next request on.")
final class KeysRevokeCommand implements Callable<Integer> {
    @Mixin
    KeyStoreOptions options;

    @Parameters(paramLabel = "ID|NAME", description = "access key id, or the name of exactly one key")
    String key;

    @Override
    public Integer call() {
        return KeyCommands.run(options, (settings, store) -> {
            var revoked = store.revoke(key);
            System.out.println("Revoked " + revoked.accessKeyId() + " (" + revoked.name() + ").");
        });
    }
}
