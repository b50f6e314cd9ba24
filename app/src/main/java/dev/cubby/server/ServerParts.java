package dev.cubby.server;

import dev.cubby.auth.AccessPolicy;
import dev.cubby.auth.Credential;
import dev.cubby.auth.KeyRing;
import dev.cubby.auth.SignatureVerifier;
import dev.cubby.checksum.Digests;
import dev.cubby.config.ClientLimits;
import dev.cubby.config.Settings;
import dev.cubby.policy.BucketPolicyEngine;
import dev.cubby.s3.OperationBindings;
import dev.cubby.s3.xml.Owner;
import dev.cubby.store.ObjectStore;
import dev.cubby.store.space.SpacePolicy;
import java.time.Clock;
import java.util.Map;

/**
 * What serves requests behind the listeners: the store over the tree, the operations bound to
 * their handlers, the request pipeline with the server's own endpoints, and the background work
 * (stale-upload sweeper, audit log, stall watch). {@link CubbyServer} puts Helidon in front and
 * closes these after its listeners have stopped: the background work first, the store last.
 */
final class ServerParts implements AutoCloseable {
    private final ObjectStore store;
    private final StaleUploadSweeper sweeper;
    private final AuditLog audit;
    private final StallWatch stallWatch;
    private final Endpoints endpoints;

    private ServerParts(ObjectStore store, StaleUploadSweeper sweeper, AuditLog audit, StallWatch stallWatch,
                        Endpoints endpoints) {
        this.store = store;
        this.sweeper = sweeper;
        this.audit = audit;
        this.stallWatch = stallWatch;
        this.endpoints = endpoints;
    }

    /**
     * @param admin   the admin key, whose id names the owner in ACL and listing answers
     * @param keys    every key the server accepts
     * @param permits the requests the server runs at once (the same figure bounds Helidon's listeners)
     */
    static ServerParts start(Settings settings, Credential admin, KeyRing keys, int permits) {
        var store = ObjectStore.openAt(settings.root(), settings.buckets(),
                settings.hashOnReadLimit(), settings.indexBytesPerSecond(),
                new SpacePolicy(settings.quotas(), settings.freeSpaceReserve(), settings.quotaRescan()));
        var owner = new Owner(canonicalUserId(admin.accessKeyId()), "cubby");
        var policies = BucketPolicyEngine.over(store, settings.publicRead());
        var operations = OperationBindings.over(store, settings.region(), owner, policies);
        var sweeper = StaleUploadSweeper.start(store.multipart(), settings.multipartExpiry());
        var verifier = new SignatureVerifier(keys, Clock.systemUTC());
        AuditLog audit = settings.auditLog() ? AuditLog.toStandardOutput() : null;
        var metrics = new RequestMetrics();
        var metricsPage = new MetricsPage(metrics, store);
        ClientLimits clients = settings.clients();
        var stallWatch = new StallWatch();
        var pipeline = new S3Pipeline(verifier, new AccessPolicy(keys, policies), operations,
                settings.domain(), audit, metrics, stallWatch, clients,
                new ClientShare(clients.clientShare(permits)));
        var endpoints = new Endpoints(pipeline, Map.of(
                "/-/health", (req, res) -> res.send("ok"),
                "/-/metrics", (req, res) -> {
                    res.header("Content-Type", MetricsPage.CONTENT_TYPE);
                    res.send(metricsPage.render());
                }));
        return new ServerParts(store, sweeper, audit, stallWatch, endpoints);
    }

    ObjectStore store() {
        return store;
    }

    /** Every request's first stop: the server's own endpoints, else the S3 pipeline. */
    Endpoints endpoints() {
        return endpoints;
    }

    /** Watches reads and writes that stall; the listeners' header deadline reports to it too. */
    StallWatch stallWatch() {
        return stallWatch;
    }

    /** S3's canonical user ID is 64 hex digits; derive a stable one from the access key. */
    private static String canonicalUserId(String accessKeyId) {
        return Digests.sha256Hex(accessKeyId);
    }

    /** After the listeners have stopped: nothing runs a request any more. */
    @Override
    public void close() {
        stallWatch.close();
        sweeper.close();
        if (audit != null) {
            audit.close();
        }
        store.close();
    }
}
