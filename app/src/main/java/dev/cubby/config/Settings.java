package dev.cubby.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the server is configured with, loaded once (config file, then environment, then
 * command-line flags, later ones winning) and never changed while it runs.
 *
 * @param root              the served folder tree; its top-level folders are buckets
 * @param stateDir          private folder for keys and secrets, outside the tree
 * @param address           listen address
 * @param port              listen port
 * @param region            answered by GetBucketLocation; any region is accepted in signatures
 * @param domain            base host name for virtual-host-style requests, or null
 * @param hashOnReadLimit   files up to this size are hashed at once on HEAD/GET when their ETag is stale
 * @param indexBytesPerSecond throttle of the background indexer (0 = unthrottled)
 * @param buckets           extra buckets: name to folder
 * @param multipartExpiry   unfinished multipart uploads older than this are removed
 */
public record Settings(Path root, Path stateDir, String address, int port, String region, String domain,
                       long hashOnReadLimit, long indexBytesPerSecond, Map<String, Path> buckets,
                       java.time.Duration multipartExpiry) {

    public Settings {
        buckets = Map.copyOf(buckets);
    }
}
