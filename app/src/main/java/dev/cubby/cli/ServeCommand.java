package dev.cubby.cli;

import static dev.cubby.config.SettingsLoader.DEFAULT_ADDRESS;
import static dev.cubby.config.SettingsLoader.DEFAULT_AUDIT_LOG;
import static dev.cubby.config.SettingsLoader.DEFAULT_FREE_SPACE_RESERVE;
import static dev.cubby.config.SettingsLoader.DEFAULT_IDLE_TIMEOUT;
import static dev.cubby.config.SettingsLoader.DEFAULT_MIN_BODY_RATE;
import static dev.cubby.config.SettingsLoader.DEFAULT_PORT;
import static dev.cubby.config.SettingsLoader.DEFAULT_QUOTA_RESCAN;
import static dev.cubby.config.SettingsLoader.DEFAULT_READ_TIMEOUT;
import static dev.cubby.config.SettingsLoader.DEFAULT_REGION;
import static dev.cubby.config.SettingsLoader.DEFAULT_WRITE_TIMEOUT;

import dev.cubby.config.Settings;
import dev.cubby.config.SettingsException;
import dev.cubby.config.SettingsLoader;
import dev.cubby.fuse.FuseUnavailable;
import dev.cubby.fuse.Mount;
import dev.cubby.fuse.MountOptions;
import dev.cubby.keys.AdminKey;
import dev.cubby.server.CubbyServer;
import dev.cubby.server.ServerSecrets;
import dev.cubby.tls.CertificateSource;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cubby serve}: settings from the config file, then the environment, then these flags. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the folder tree at --root over S3 until stopped.")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--config", description = "YAML config file (default: $CUBBY_CONFIG, else none)")
    Path config;

    @Option(names = "--root", description = "folder tree to serve; its top-level folders are buckets ($CUBBY_ROOT)")
    String root;

    @Option(names = "--state", description = "private folder for keys, outside the tree ($CUBBY_STATE; "
            + "default ~/.local/state/cubby)")
    String state;

    @Option(names = "--address", description = "listen address ($CUBBY_ADDRESS; default " + DEFAULT_ADDRESS + ")")
    String address;

    @Option(names = "--port", description = "listen port ($CUBBY_PORT; default " + DEFAULT_PORT + ")")
    String port;

    @Option(names = "--region", description = "region answered by GetBucketLocation ($CUBBY_REGION; default "
            + DEFAULT_REGION + ")")
    String region;

    @Option(names = "--domain", description = "base host for virtual-host-style requests, e.g. s3.nas.local ($CUBBY_DOMAIN)")
    String domain;

    @Option(names = "--tls", description = "serve HTTPS; without --tls-cert, with a self-signed certificate made in "
            + "the state folder (tls/cert.pem), renewed before it expires; its SHA-256 fingerprint is printed at "
            + "start ($CUBBY_TLS=on)")
    boolean tls;

    @Option(names = "--tls-cert", description = "PEM certificate chain for HTTPS, the server's own certificate first; "
            + "re-read daily ($CUBBY_TLS_CERT)")
    String tlsCert;

    @Option(names = "--tls-key", description = "PEM private key of that certificate, unencrypted: PKCS#8, PKCS#1 RSA "
            + "or SEC1 EC ($CUBBY_TLS_KEY)")
    String tlsKey;

    @Option(names = "--tls-port", description = "serve HTTPS on this port and keep plain HTTP on --port "
            + "($CUBBY_TLS_PORT; default: HTTPS replaces HTTP on --port)")
    String tlsPort;

    @Option(names = "--endpoint", description = "URL clients use to reach this server, for printed configs and "
            + "share links ($CUBBY_ENDPOINT; default from address, port and TLS)")
    String endpoint;

    @Option(names = "--audit-log", description = "one line per request on standard output: on or off "
            + "($CUBBY_AUDIT_LOG; default " + DEFAULT_AUDIT_LOG + ")")
    String auditLog;

    @Option(names = "--free-space-reserve", description = "space every filesystem keeps free; uploads that would "
            + "use it are refused with 507, and 0 turns the check off ($CUBBY_FREE_SPACE_RESERVE; default "
            + DEFAULT_FREE_SPACE_RESERVE + ")")
    String freeSpaceReserve;

    @Option(names = "--quota-rescan", description = "how often buckets with a quota (config 'quotas:') are "
            + "re-walked to count files changed outside Cubby ($CUBBY_QUOTA_RESCAN; default " + DEFAULT_QUOTA_RESCAN + ")")
    String quotaRescan;

    @Option(names = "--public-read", description = "comma-separated buckets anyone may read without a key "
            + "($CUBBY_PUBLIC_READ; default none)")
    String publicRead;

    @Option(names = "--mount", description = "also mount the tree through FUSE at this folder, in this process "
            + "(as 'cubby mount' does; $CUBBY_MOUNT; default none)")
    String mount;

    @Option(names = "--mount-options", description = "options of that mount: ro, uid=N, gid=N, umask=OCTAL, "
            + "allow_other, comma-separated ($CUBBY_MOUNT_OPTIONS; default none)")
    String mountOptions;

    @Option(names = "--idle-timeout", description = "close a connection that sends no request for this long "
            + "($CUBBY_IDLE_TIMEOUT; default " + DEFAULT_IDLE_TIMEOUT + ")")
    String idleTimeout;

    @Option(names = "--read-timeout", description = "a request's headers must arrive, and each read of its body "
            + "bring a byte, within this; else the connection is closed ($CUBBY_READ_TIMEOUT; default "
            + DEFAULT_READ_TIMEOUT + ")")
    String readTimeout;

    @Option(names = "--write-timeout", description = "cut a response whose client takes none of a write (up to "
            + "256 KiB) for this long ($CUBBY_WRITE_TIMEOUT; default " + DEFAULT_WRITE_TIMEOUT + ")")
    String writeTimeout;

    @Option(names = "--min-body-rate", description = "bytes per second a request body must bring, on average over "
            + "each read timeout; slower ones get RequestTimeout, 0 turns it off ($CUBBY_MIN_BODY_RATE; default "
            + DEFAULT_MIN_BODY_RATE + ")")
    String minBodyRate;

    @Option(names = "--requests-per-client", description = "requests one client address may have in flight, or off "
            + "($CUBBY_REQUESTS_PER_CLIENT; default three quarters of the server's limit)")
    String requestsPerClient;

    @Override
    public Integer call() throws Exception {
        Settings settings;
        MountOptions serverMount;
        ServerSecrets secrets;
        try {
            settings = SettingsLoader.loadToServe(config, System.getenv(), flags());
            serverMount = settings.mount() == null ? null
                    : MountOptions.parse(settings.mount(), settings.mountOptions());
            secrets = ServerSecrets.open(settings, System.getenv(), System.out::println);
        } catch (SettingsException | IllegalArgumentException e) {
            System.err.println("cubby: " + e.getMessage());
            return 2;
        }
        warnUnlessUtf8FileNames();
        secrets.warnings().forEach(warning -> System.err.println("cubby: warning: " + warning));
        AdminKey admin = secrets.admin();
        CertificateSource certificates = secrets.certificates();
        // Before the port opens: a client that finds the server answering finds the key printed,
        // and a start that fails (port taken) has still shown the key it generated and stored.
        printAdminKey(admin, settings);
        CubbyServer server = CubbyServer.start(settings, admin.credential(), secrets.keys(), certificates);
        Mount fuse = null;
        if (settings.mount() != null) {
            try {
                fuse = Mount.start(server.store(), settings.root(), serverMount);
            } catch (FuseUnavailable e) {
                server.close();
                secrets.close();
                System.err.println("cubby: " + e.getMessage());
                return 2;
            }
            System.out.println("Cubby mounts " + settings.root() + " at " + settings.mount());
        }
        Mount mounted = fuse;
        System.out.println("Cubby serves " + settings.root() + " at " + listenUrls(settings, server));
        if (certificates != null) {
            printCertificate(certificates);
        }
        System.out.flush();
        ServiceReadiness.notifyReady(System.getenv(), settings.address(), server.port(),
                "Serving " + settings.root() + " at " + listenUrls(settings, server));
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (mounted != null) {
                mounted.close();
            }
            server.close();
            secrets.close();
            stopped.countDown();
        }, "cubby-shutdown"));
        stopped.await();
        return 0;
    }

    private Map<String, String> flags() {
        var flags = new HashMap<String, String>();
        flags.put("root", root);
        flags.put("state", state);
        flags.put("address", address);
        flags.put("port", port);
        flags.put("region", region);
        flags.put("domain", domain);
        flags.put("tls", tls ? "on" : null);
        flags.put("tls-cert", tlsCert);
        flags.put("tls-key", tlsKey);
        flags.put("tls-port", tlsPort);
        flags.put("endpoint", endpoint);
        flags.put("audit-log", auditLog);
        flags.put("free-space-reserve", freeSpaceReserve);
        flags.put("quota-rescan", quotaRescan);
        flags.put("public-read", publicRead);
        flags.put("mount", mount);
        flags.put("mount-options", mountOptions);
        flags.put("idle-timeout", idleTimeout);
        flags.put("read-timeout", readTimeout);
        flags.put("write-timeout", writeTimeout);
        flags.put("min-body-rate", minBodyRate);
        flags.put("requests-per-client", requestsPerClient);
        return flags;
    }

    private static String listenUrls(Settings settings, CubbyServer server) {
        String host = hostForUrl(settings.address());
        String https = "https://" + host + ":" + server.httpsPort();
        if (!settings.tls().enabled()) {
            return "http://" + host + ":" + server.port();
        }
        return settings.tls().port() == null ? https : "http://" + host + ":" + server.port() + " and " + https;
    }

    private static void printAdminKey(AdminKey admin, Settings settings) {
        if (admin.migrated()) {
            System.out.println("Moved the admin key from admin-key.properties into the key store (sealed) and "
                    + "deleted the file.");
        }
        if (admin.generated()) {
            System.out.println("Generated the admin key (shown once; kept in " + settings.stateDir() + "):");
            System.out.println("  access key id:     " + admin.credential().accessKeyId());
            System.out.println("  secret access key: " + admin.credential().secretAccessKey());
        } else {
            System.out.println("Admin access key id: " + admin.credential().accessKeyId());
        }
        System.out.flush();
    }

    /** The fingerprint in the form {@code openssl x509 -noout -fingerprint -sha256} prints, for pinning. */
    private static void printCertificate(CertificateSource certificates) {
        var certificate = certificates.current();
        System.out.println("TLS certificate: " + certificates.describe() + ", valid until "
                + certificate.notAfter().atOffset(ZoneOffset.UTC).toLocalDate());
        System.out.println("TLS certificate SHA-256 fingerprint: " + certificate.fingerprint());
        if (certificate.notAfter().isBefore(Instant.now())) {
            System.err.println("cubby: warning: the TLS certificate expired on " + certificate.notAfter()
                    + "; clients will refuse it until it is renewed");
        }
    }

    private static String hostForUrl(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }

    /** The JDK maps file names with the locale's charset; anything but UTF-8 garbles non-ASCII keys. */
    private static void warnUnlessUtf8FileNames() {
        String encoding = System.getProperty("sun.jnu.encoding", "");
        if (!encoding.equalsIgnoreCase("UTF-8")) {
            System.err.println("cubby: warning: file names are decoded as " + encoding + ", not UTF-8; non-ASCII "
                    + "keys will be garbled. Start Cubby with LANG=C.UTF-8 (the launcher and the service do).");
        }
    }
}
