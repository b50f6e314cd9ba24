package dev.cubby.store;

import dev.cubby.checksum.ChecksumAlgorithm;
import dev.cubby.meta.ObjectMetadata;
import dev.cubby.meta.SqliteSidecar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** A real store over a real temporary tree and a real SQLite sidecar. */
final class StoreFixture implements AutoCloseable {
    final Path root;
    final ObjectStore store;

    StoreFixture(Path root) {
        this.root = root;
        this.store = new ObjectStore(new Buckets(root, Map.of()),
                SqliteSidecar.open(root.resolve(".cubby/sidecar.db")), 256L << 20, 0);
    }

    Path file(String relative, String content) throws IOException {
        Path path = root.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        return path;
    }

    PutResult put(String bucket, String key, String content) {
        return store.put(new PutRequest(bucket, key, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                ObjectMetadata.NONE, Set.of(ChecksumAlgorithm.CRC64NVME), ChecksumAlgorithm.CRC64NVME, digests -> { }));
    }

    @Override
    public void close() {
        store.close();
    }
}
