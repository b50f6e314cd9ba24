package dev.cubby.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cubby.policy.BucketPolicyEngine;
import dev.cubby.s3.xml.Owner;
import dev.cubby.store.ObjectStore;
import dev.cubby.store.space.SpacePolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binding the server uses, over a real store on a temporary tree. */
class OperationBindingsTest {
    @TempDir
    Path root;

    @Test
    void everyOperationHasAHandler() {
        try (ObjectStore store = ObjectStore.openAt(root, Map.of(), 256L << 20, 0, SpacePolicy.UNLIMITED)) {
            OperationTable table = OperationBindings.over(store, "us-east-1", new Owner("0".repeat(64), "cubby"),
                    BucketPolicyEngine.over(store, java.util.Set.of()));
            List<Operation> unbound = new ArrayList<>();
            for (Operation operation : Operation.values()) {
                try {
                    table.handler(operation);
                } catch (IllegalStateException e) {
                    unbound.add(operation);
                }
            }
            assertEquals(List.of(), unbound, "a request for these would answer 500 InternalError");
        }
    }
}
