package dev.cubby.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * ListObjectsV2 over trees written straight to disk (as a NAS share holds them): a full listing
 * of a bucket of {@code folders × perFolder} keys, page by page, and the first page of one
 * folder of as many entries.
 */
final class Listings implements Workload {
    static final String NAME = "list";
    static final String TREE_BUCKET = "tree";
    static final String FLAT_BUCKET = "flat";
    private static final int FIRST_PAGE_REPEATS = 5;

    private final int folders;
    private final int perFolder;

    Listings(int folders, int perFolder) {
        this.folders = folders;
        this.perFolder = perFolder;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(Target target) {
        return target.speaksS3();
    }

    String fullVariant() {
        return "full, " + String.format("%,d", folders * perFolder) + " keys in " + String.format("%,d", folders) + " folders";
    }

    String firstPageVariant() {
        return "first page of a " + String.format("%,d", folders * perFolder) + "-entry folder";
    }

    /** Writes the two trees into a target's data folder; call before the target starts. */
    void writeTrees(Path dataRoot) throws IOException {
        byte[] content = "sixteen bytes.\n\n".getBytes(StandardCharsets.US_ASCII);
        for (int d = 0; d < folders; d++) {
            Path folder = Files.createDirectories(dataRoot.resolve(TREE_BUCKET).resolve(String.format("d%04d", d)));
            for (int f = 0; f < perFolder; f++) {
                Files.write(folder.resolve(String.format("f%04d.txt", f)), content);
            }
        }
        Path flat = Files.createDirectories(dataRoot.resolve(FLAT_BUCKET));
        for (int i = 0; i < folders * perFolder; i++) {
            Files.write(flat.resolve(String.format("f%07d.txt", i)), content);
        }
    }

    @Override
    public void prepare(Target target) throws Exception {
        listAll(target, TREE_BUCKET); // the first listing may build caches; it is not measured
        listAll(target, FLAT_BUCKET);
    }

    @Override
    public void run(Target target, Results results) throws Exception {
        long[] keys = new long[1];
        Load.Outcome full = Load.once(target, 1, (connection, worker, iteration) -> keys[0] = listAll(target, TREE_BUCKET));
        if (keys[0] != (long) folders * perFolder) {
            throw new IOException(target.name() + " listed " + keys[0] + " keys, not " + folders * perFolder);
        }
        results.add(NAME, fullVariant(), target.name(), "s", full.seconds());
        results.add(NAME, fullVariant(), target.name(), "keys/s", keys[0] / full.seconds());
        results.add(NAME, fullVariant(), target.name(), "client CPU %", full.clientCpu());
        results.add(NAME, fullVariant(), target.name(), "server CPU %", full.serverCpu());

        Load.Outcome first = Load.once(target, 1, (connection, worker, iteration) -> {
            for (int i = 0; i < FIRST_PAGE_REPEATS; i++) {
                page(target, connection, FLAT_BUCKET, null);
            }
        });
        results.add(NAME, firstPageVariant(), target.name(), "ms", first.seconds() * 1000 / FIRST_PAGE_REPEATS);
    }

    private static long listAll(Target target, String bucket) throws IOException {
        long count = 0;
        try (HttpConnection connection = target.connect()) {
            String token = null;
            do {
                Page page = page(target, connection, bucket, token);
                count += page.keys();
                token = page.next();
            } while (token != null);
        }
        return count;
    }

    private record Page(int keys, String next) {
    }

    private static Page page(Target target, HttpConnection connection, String bucket, String token) throws IOException {
        String query = (token == null ? "" : "continuation-token=" + encode(token) + "&") + "list-type=2&max-keys=1000";
        String path = "/" + bucket;
        HttpConnection.Response response = Load.expect(connection.exchange("GET", path + "?" + query,
                target.headers(connection, "GET", path, query), null, true), "LIST " + bucket, 200);
        XmlScan.Scan scan = XmlScan.scan(response.body(), "Key", "NextContinuationToken");
        String next = scan.text();
        return new Page(scan.count(), next == null || next.isEmpty() ? null : next);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }
}
