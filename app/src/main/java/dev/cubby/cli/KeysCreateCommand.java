package dev.cubby.cli;

import dev.cubby.auth.Grant;
import dev.cubby.auth.KeyKind;
import dev.cubby.config.SettingsLoader;
import dev.cubby.keys.GrantRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cubby keys create}: a manual key (until revoked, or until --expires) or a session key
 * (--session --ttl), with its grants. Prints the secret once, with ready-to-paste client configs.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create an access key and print its id, its secret (shown only now) and ready-to-paste "
                + "configs for rclone, the AWS CLI and restic.",
                "Grants: BUCKET:rw (whole bucket), BUCKET/PREFIX/:ro (keys under a prefix), *:rw (every bucket); "
                        + "ro is read-only, rw read-write.",
                "--create-buckets: the key may also create buckets, which it then owns (it may do everything "
                        + "on them, and share them with ACLs); without it, only the admin key creates buckets."})
final class KeysCreateCommand implements Callable<Integer> {
    @Mixin
    KeyStoreOptions options;

    @Option(names = "--name", required = true, description = "a label for the key, e.g. laptop")
    String name;

    @Option(names = "--grant", paramLabel = "GRANT",
            description = "BUCKET[/PREFIX]:ro|rw or *:ro|rw; repeat for more (needed unless --create-buckets)")
    List<String> grants = new ArrayList<>();

    @Option(names = "--create-buckets", description = "the key may create buckets of its own")
    boolean createBuckets;

    @Option(names = "--expires", description = "a manual key stops working after this long, e.g. 90d, 12h "
            + "(default: never)")
    String expires;

    @Option(names = "--session", description = "a short-lived session key for a program: give --ttl; renew it with "
            + "'cubby keys renew'")
    boolean session;

    @Option(names = "--ttl", description = "a session key's lifetime, e.g. 1h (default 1h)")
    String ttl;

    @Override
    public Integer call() {
        return KeyCommands.run(options, (settings, store) -> {
            if (name.isBlank()) {
                throw new IllegalArgumentException("--name must not be empty");
            }
            List<Grant> parsed = grants.stream().map(GrantRules::parse).toList();
            if (parsed.isEmpty() && !createBuckets) {
                throw new IllegalArgumentException("give at least one --grant BUCKET:ro|rw, or --create-buckets "
                        + "for a key that makes buckets of its own");
            }
            if (session && expires != null) {
                throw new IllegalArgumentException("a session key expires after --ttl; --expires is for manual keys");
            }
            if (!session && ttl != null) {
                throw new IllegalArgumentException("--ttl is for session keys (add --session); manual keys take "
                        + "--expires");
            }
            Duration lifetime = session ? SettingsLoader.duration("--ttl", ttl == null ? "1h" : ttl) : null;
            Duration until = expires == null ? null : SettingsLoader.duration("--expires", expires);
            var now = store.now();
            var key = store.create(name.trim(), session ? KeyKind.SESSION : KeyKind.MANUAL, parsed,
                    session ? now.plus(lifetime) : until == null ? null : now.plus(until), lifetime, createBuckets);
            System.out.println("Created " + key.kind().label() + " key '" + key.name() + "'.");
            ClientConfigs.print(System.out, settings, key);
        });
    }
}
