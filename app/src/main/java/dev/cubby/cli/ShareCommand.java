package dev.cubby.cli;

import dev.cubby.auth.Grant;
import dev.cubby.auth.KeyKind;
import dev.cubby.auth.Presigner;
import dev.cubby.config.Settings;
import dev.cubby.config.SettingsLoader;
import dev.cubby.keys.GrantRules;
import dev.cubby.keys.KeyStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code cubby share --upload BUCKET/PREFIX/}: an HTML upload page whose form is signed (a POST
 * policy) with a share key that may write only under that prefix, likewise expiring and revocable.
 */
@Command(name = "share", mixinStandardHelpOptions = true,
        description = {"Print a link that downloads one object without a key, until it expires (at most 7 days);",
                "with --upload, an HTML page whose form lets anyone with it upload files under a prefix.",
                "Either is signed with its own share key: 'cubby keys list' shows it, 'cubby keys revoke' kills it."})
final class ShareCommand implements Callable<Integer> {
    /** A file of up to 5 GiB, S3's limit for one PUT (and so for one POST upload). */
    private static final String DEFAULT_MAX_SIZE = "5GiB";

    @Mixin
    KeyStoreOptions options;

    @Parameters(paramLabel = "BUCKET/KEY", description = {"the object to share, e.g. photos/2024/beach.jpg;",
            "with --upload, where uploads go: BUCKET/PREFIX/ (e.g. inbox/from-anna/) or BUCKET"})
    String object;

    @Option(names = "--expires", description = "how long the link or page works, e.g. 1h, 2d (default and most: 7d)")
    String expires = "7d";

    @Option(names = "--upload", description = "share an upload page for BUCKET/PREFIX/ instead of a download link")
    boolean upload;

    @Option(names = "--html", paramLabel = "FILE",
            description = "with --upload: write the page to FILE instead of standard output")
    Path html;

    @Option(names = "--max-size", paramLabel = "SIZE",
            description = "with --upload: the largest file the page accepts, e.g. 200MiB (default: 5GiB)")
    String maxSize = DEFAULT_MAX_SIZE;

    @Override
    public Integer call() {
        return KeyCommands.run(options, (settings, store) -> {
            if (!upload && (html != null || !DEFAULT_MAX_SIZE.equals(maxSize))) {
                throw new IllegalArgumentException("--html and --max-size go with --upload");
            }
            Duration lifetime = SettingsLoader.duration("--expires", expires);
            if (lifetime.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("--expires may be at most 7d: S3 presigned links last a week at most");
            }
            if (upload) {
                shareUpload(settings, store, lifetime);
            } else {
                shareDownload(settings, store, lifetime);
            }
        });
    }

    private void shareDownload(Settings settings, KeyStore store, Duration lifetime) {
        int slash = object.indexOf('/');
        if (slash <= 0 || slash == object.length() - 1) {
            throw new IllegalArgumentException("name the object as BUCKET/KEY, e.g. photos/2024/beach.jpg");
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
    }

    private void shareUpload(Settings settings, KeyStore store, Duration lifetime) {
        int slash = object.indexOf('/');
        String bucket = slash < 0 ? object : object.substring(0, slash);
        String prefix = slash < 0 ? "" : object.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("name where uploads go as BUCKET/PREFIX/, e.g. inbox/from-anna/");
        }
        long maxBytes = SettingsLoader.size("--max-size", maxSize);
        // The grant holds the prefix to the store's key rules; the policy repeats it for the form.
        Grant grant = GrantRules.parse(bucket + (prefix.isEmpty() ? "" : "/" + prefix) + ":rw");
        var now = store.now();
        var shareKey = store.create("upload " + object, KeyKind.SHARE, List.of(grant), now.plus(lifetime), null);
        var form = UploadForm.sign(settings.clientEndpoint(), settings.region(), shareKey.credential(), bucket,
                prefix, maxBytes, now, shareKey.expires());
        String page = UploadPage.render(form, bucket, prefix, maxBytes, shareKey.expires());
        if (html == null) {
            System.out.print(page);
        } else {
            try {
                Files.writeString(html, page, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the page to " + html, e);
            }
        }
        System.err.println("Upload page for " + bucket + "/" + prefix + (html == null ? "" : " written to " + html)
                + ", working until " + shareKey.expires() + " with share key " + shareKey.accessKeyId()
                + "; 'cubby keys revoke " + shareKey.accessKeyId() + "' ends it sooner.");
    }
}
