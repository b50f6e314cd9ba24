package dev.cubby.cli;

import dev.cubby.auth.Grant;
import dev.cubby.auth.KeyKind;
import dev.cubby.auth.Presigner;
import dev.cubby.config.SettingsLoader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cubby share BUCKET/KEY}: a presigned GET link, signed with a share key of its own that
 * may read only that object and expires with the link, so {@code cubby keys revoke} kills it.
 */
@Command(name = "share", mixinStandardHelpOptions = true,
        description = {"Print a link that downloads one object without a key, until it expires (at most 7 days).",
                "The link is signed with its own share key: 'cubby keys list' shows it, 'cubby keys revoke' kills it."})
final class ShareCommand implements Callable<Integer> {
    @Mixin
    KeyStoreOptions options;

    @Parameters(paramLabel = "BUCKET/KEY", description = "the object to share, e.g. photos/2024/beach.jpg")
    String object;

    @Option(names = "--expires", description = "how long the link works, e.g. 1h, 2d (default and most: 7d)")
    String expires = "7d";

    @Override
    public Integer call() {
        return KeyCommands.run(options, (settings, store) -> {
            int slash = object.indexOf('/');
            if (slash <= 0 || slash == object.length() - 1) {
                throw new IllegalArgumentException("name the object as BUCKET/KEY, e.g. photos/2024/beach.jpg");
            }
            Duration lifetime = SettingsLoader.duration("--expires", expires);
            if (lifetime.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("--expires may be at most 7d: S3 presigned links last a week at most");
            }
            String bucket = object.substring(0, slash);
            String key = object.substring(slash + 1);
            var now = store.now();
            var shareKey = store.create("share " + object, KeyKind.SHARE, List.of(Grant.oneObject(bucket, key)),
                    now.plus(lifetime), null);
            URI link = Presigner.presignGet(URI.create(settings.clientEndpoint()), shareKey.credential(),
                    settings.region(), bucket, key, now, lifetime);
            System.out.println(link);
            System.err.println("Shared " + object + " until " + shareKey.expires() + " with share key "
                    + shareKey.accessKeyId() + "; 'cubby keys revoke " + shareKey.accessKeyId() + "' ends it sooner.");
        });
    }
}
