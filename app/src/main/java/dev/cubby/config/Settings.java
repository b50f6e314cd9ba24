package dev.cubby.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Everything the server is configured with, loaded once (config file, then environment, then
 * command-line flags, later ones winning) and never changed while it runs.
 *
 * @param root              the served folder tree; its top-level folders are buckets (null only for
 *                          commands that need none, see {@link SettingsLoader#loadWithoutRoot})
 * @param stateDir          private folder for keys and secrets, outside the tree
 * @param address           listen address
 * @param port              listen port
 * @param region            answered by GetBucketLocation; any region is accepted in signatures
 * @param domain            base host name for virtual-host-style requests, or null
 * @param hashOnReadLimit   files up to this size are hashed at once on HEAD/GET when their ETag is stale
 * @param indexBytesPerSecond throttle of the background indexer (0 = unthrottled)
 * @param buckets           extra buckets: name to folder
 * @param multipartExpiry   unfinished multipart uploads older than this are removed
 * @param tls               HTTPS: off, self-signed, or the owner's certificate; on the main port or its own
 * @param endpoint          the URL clients reach the server at, printed in configs and share links;
 *                          null to derive it from address, port and TLS
 * @param auditLog          whether one line per request is written to standard output
 * @param quotas            per-bucket byte quotas: bucket name to bytes
 * @param freeSpaceReserve  bytes every filesystem keeps free: uploads that would eat into them are refused
 * @param publicRead        buckets anyone may read without a key
 * @param quotaRescan       how often buckets with a quota are re-walked to count files changed outside Cubby
 * @param mount             where the serving process mounts the tree through FUSE, or null
 * @param mountOptions      that mount's options as written in the config ({@code ro,uid=1000,umask=027}), or null
 * @param clients           timeouts, minimum body rate and per-client share that bound slow clients
 */
public record Settings(Path root, Path stateDir, String address, int port, String region, String domain,
                       long hashOnReadLimit, long indexBytesPerSecond, Map<String, Path> buckets,
                       java.time.Duration multipartExpiry, TlsSettings tls, String endpoint, boolean auditLog,
                       Map<String, Long> quotas, long freeSpaceReserve, Set<String> publicRead,
                       java.time.Duration quotaRescan, Path mount, String mountOptions,
                       ClientLimits clients) {

    public Settings {
        buckets = Map.copyOf(buckets);
        quotas = Map.copyOf(quotas);
        publicRead = Set.copyOf(publicRead);
    }

    /** Settings without a FUSE mount in the serving process, with the default client limits. */
    public Settings(Path root, Path stateDir, String address, int port, String region, String domain,
                    long hashOnReadLimit, long indexBytesPerSecond, Map<String, Path> buckets,
                    java.time.Duration multipartExpiry, TlsSettings tls, String endpoint, boolean auditLog,
                    Map<String, Long> quotas, long freeSpaceReserve, Set<String> publicRead,
                    java.time.Duration quotaRescan) {
        this(root, stateDir, address, port, region, domain, hashOnReadLimit, indexBytesPerSecond, buckets,
                multipartExpiry, tls, endpoint, auditLog, quotas, freeSpaceReserve, publicRead, quotaRescan, null,
                null, SettingsLoader.defaultClientLimits());
    }

    /**
     * The URL printed for clients: {@link #endpoint} when set, else the listen address (the host's
     * name when listening on all addresses) with HTTPS when it is on.
     */
    public String clientEndpoint() {
        if (endpoint != null) {
            return endpoint;
        }
        String host = address.equals("0.0.0.0") || address.equals("::") ? localHostName() : address;
        host = host.contains(":") ? "[" + host + "]" : host;
        return tls.enabled() ? "https://" + host + ":" + (tls.port() != null ? tls.port() : port)
                : "http://" + host + ":" + port;
    }

    private static String localHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
