package dev.cubby.s3.handler;

import dev.cubby.checksum.ChecksumAlgorithm;
import dev.cubby.meta.ObjectMetadata;
import dev.cubby.meta.SqliteSidecar;
import dev.cubby.store.Buckets;
import dev.cubby.store.ObjectStore;
import dev.cubby.store.PutRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** A real store over a temporary tree with one bucket, for handler tests. */
final class HandlerStore implements AutoCloseable {
    final ObjectStore store;

    HandlerStore(Path root, String... bucketNames) throws IOException {
        for (String name : bucketNames) {
            Files.createDirectories(root.resolve(name));
        }
        store = new ObjectStore(new Buckets(root, Map.of()), SqliteSidecar.open(root.resolve(".cubby/sidecar.db")),
                256L << 20, 0);
    }

    void put(String bucket, String key, String content) {
        store.put(new PutRequest(bucket, key, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                ObjectMetadata.NONE, Set.of(ChecksumAlgorithm.CRC64NVME), ChecksumAlgorithm.CRC64NVME, d -> { }));
    }

    @Override
    public void close() {
        store.close();
    }
}
