package dev.cubby.cli;

import dev.cubby.auth.AccessKey;
import java.time.Instant;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cubby keys}: the access keys of this server. Changes count from the server's next request. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"Create, list, revoke, rotate and renew access keys.",
                "Keys live in the state folder (secrets sealed with AES-256-GCM under master.key); a running "
                        + "server sees every change on its next request, without a restart."},
        subcommands = {KeysCreateCommand.class, KeysListCommand.class, KeysRevokeCommand.class,
                KeysRotateCommand.class, KeysRenewCommand.class})
final class KeysCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** One line per key for {@code keys list} and the other commands' confirmations; never the secret. */
    static String describe(AccessKey key, Instant now) {
        String grants = switch (key.kind()) {
            case ADMIN -> "everything (admin)";
            default -> key.grants().isEmpty() ? "none"
                    : key.grants().stream().map(g -> g.text()).collect(Collectors.joining(", "));
        } + (key.createBuckets() ? ", creates buckets" : "");
        String expiry = key.expires() == null ? "never expires"
                : (key.expiredAt(now) ? "expired " : "expires ") + key.expires();
        return String.format("%-20s  %-7s  %-16s  %s; %s", key.accessKeyId(), key.kind().label(), key.name(), grants,
                expiry);
    }
}
