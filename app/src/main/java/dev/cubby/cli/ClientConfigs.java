package dev.cubby.cli;

import dev.cubby.auth.AccessKey;
import dev.cubby.auth.Grant;
import dev.cubby.config.Settings;
import java.io.PrintStream;
import java.util.stream.Collectors;

/**
 * What {@code keys create} and {@code keys rotate} print: the key, its secret (this once), the
 * endpoint, and sections to paste into rclone.conf, the AWS CLI's config and credentials files,
 * and a restic environment.
 */
final class ClientConfigs {
    private ClientConfigs() {
    }

    static void print(PrintStream out, Settings settings, AccessKey key) {
        String endpoint = settings.clientEndpoint();
        String id = key.accessKeyId();
        String secret = key.credential().secretAccessKey();
        String profile = key.name().replaceAll("[^A-Za-z0-9_-]", "-");
        out.println();
        out.println("  access key id:     " + id);
        out.println("  secret access key: " + secret);
        out.println("  endpoint:          " + endpoint);
        out.println("  grants:            " + (key.grants().isEmpty() ? "none"
                : key.grants().stream().map(Grant::text).collect(Collectors.joining(", ")))
                + (key.createBuckets() ? "; may create buckets" : ""));
        out.println("  canonical user id: " + key.canonicalId());
        out.println("  expires:           " + (key.expires() == null ? "never" : key.expires()));
        out.println();
        out.println("The secret is shown only now: Cubby keeps it sealed and cannot show it again.");
        out.println();
        out.println("# rclone: add to ~/.config/rclone/rclone.conf");
        out.println("[" + profile + "]");
        out.println("type = s3");
        out.println("provider = Other");
        out.println("access_key_id = " + id);
        out.println("secret_access_key = " + secret);
        out.println("endpoint = " + endpoint);
        out.println("region = " + settings.region());
        out.println();
        out.println("# AWS CLI: add to ~/.aws/config");
        out.println("[profile " + profile + "]");
        out.println("region = " + settings.region());
        out.println("endpoint_url = " + endpoint);
        out.println("s3 =");
        out.println("    addressing_style = path");
        out.println("# and to ~/.aws/credentials");
        out.println("[" + profile + "]");
        out.println("aws_access_key_id = " + id);
        out.println("aws_secret_access_key = " + secret);
        out.println();
        out.println("# restic: environment");
        out.println("export AWS_ACCESS_KEY_ID=" + id + " AWS_SECRET_ACCESS_KEY='" + secret + "'");
        out.println("export RESTIC_REPOSITORY=s3:" + endpoint + "/" + resticPath(key));
    }

    /** The first grant's bucket and prefix (a repository must live where the key may write). */
    private static String resticPath(AccessKey key) {
        for (Grant grant : key.grants()) {
            if (!grant.allBuckets()) {
                String prefix = grant.prefix().endsWith("/") ? grant.prefix().substring(0, grant.prefix().length() - 1)
                        : grant.prefix();
                return grant.bucket() + (prefix.isEmpty() ? "/restic" : "/" + prefix);
            }
        }
        return "BUCKET/restic";
    }
}
