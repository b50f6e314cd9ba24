package dev.cubby.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cubby keys rotate}: same id and grants, a new secret; the old one stops working at once. */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = "Give a key a new secret (printed once); the old secret stops working on the server's next "
                + "request. The access key id and grants stay.")
final class KeysRotateCommand implements Callable<Integer> {
    @Mixin
    KeyStoreOptions options;

    @Parameters(paramLabel = "ID|NAME", description = "access key id, or the name of exactly one key")
    String key;

    @Override
    public Integer call() {
        return KeyCommands.run(options, (settings, store) -> {
            var rotated = store.rotate(key);
            System.out.println("Rotated the secret of " + rotated.accessKeyId() + " (" + rotated.name() + ").");
            ClientConfigs.print(System.out, settings, rotated);
        });
    }
}
