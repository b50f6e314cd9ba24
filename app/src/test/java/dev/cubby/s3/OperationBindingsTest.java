package dev.cubby.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cubby.auth.AccessPolicy;
import dev.cubby.auth.KeyRing;
import dev.cubby.auth.PostPolicySignature;
import dev.cubby.policy.BucketPolicyEngine;
import dev.cubby.store.ObjectStore;
import dev.cubby.store.space.SpacePolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binding the server uses, over a real store on a temporary tree. */
class OperationBindingsTest {
    @TempDir
    Path root;

    @Test
    void everyOperationHasAHandler() {
        try (ObjectStore store = ObjectStore.openAt(root, Map.of(), 256L << 20, 0, SpacePolicy.UNLIMITED)) {
            var keys = new KeyRing(null, List.of(), Clock.systemUTC());
            var owners = new Owners(store, "0".repeat(64), null);
            var policies = BucketPolicyEngine.over(store, Set.of());
            OperationTable table = OperationBindings.over(store, "us-east-1", owners,
                    new PostPolicySignature(keys), new AccessPolicy(keys, owners, policies), policies);
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
