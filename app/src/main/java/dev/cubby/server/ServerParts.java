package dev.cubby.server;

import dev.cubby.auth.AccessPolicy;
import dev.cubby.auth.BucketPolicies;
import dev.cubby.auth.PolicyVerdict;
import dev.cubby.auth.CanonicalIds;
import dev.cubby.auth.Credential;
import dev.cubby.auth.KeyRing;
import dev.cubby.auth.PostPolicySignature;
import dev.cubby.auth.SignatureVerifier;
import dev.cubby.config.ClientLimits;
import dev.cubby.config.Settings;
import dev.cubby.policy.BucketPolicyEngine;
import dev.cubby.s3.OperationBindings;
import dev.cubby.s3.Owners;
import dev.cubby.s3.cors.BucketCors;
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
     * @param admin   the admin key, owner of every bucket no other key created
     * @param keys    every key the server accepts
     * @param permits the requests the server runs at once (the same figure bounds Helidon's listeners)
     */
    /** Two sources of policy statements decided as one policy: a Deny in either wins, then an Allow. */
    private static BucketPolicies alongside(BucketPolicies first, BucketPolicies second) {
        if (second == BucketPolicies.NONE) {
            return first;
        }
        return (principal, action, bucket, key, context) -> {
            PolicyVerdict a = first.evaluate(principal, action, bucket, key, context);
            PolicyVerdict b = second.evaluate(principal, action, bucket, key, context);
            if (a == PolicyVerdict.DENY || b == PolicyVerdict.DENY) {
                return PolicyVerdict.DENY;
            }
            return a == PolicyVerdict.ALLOW || b == PolicyVerdict.ALLOW ? PolicyVerdict.ALLOW : PolicyVerdict.NONE;
        };
    }

    static ServerParts start(Settings settings, Credential admin, KeyRing keys, int permits) {
        return start(settings, admin, keys, permits, BucketPolicies.NONE);
    }

    /** @param extraPolicies asked beside the buckets' stored policies (tests inject a Deny with it) */
    static ServerParts start(Settings settings, Credential admin, KeyRing keys, int permits,
                             BucketPolicies extraPolicies) {
        var store = ObjectStore.openAt(settings.root(), settings.buckets(),
                settings.hashOnReadLimit(), settings.indexBytesPerSecond(),
                new SpacePolicy(settings.quotas(), settings.freeSpaceReserve(), settings.quotaRescan()));
        var owners = new Owners(store, CanonicalIds.of(admin.accessKeyId()), keys);
        var engine = BucketPolicyEngine.over(store, settings.publicRead());
        var accessPolicy = new AccessPolicy(keys, owners, alongside(engine, extraPolicies));
        var operations = OperationBindings.over(store, settings.region(), owners, new PostPolicySignature(keys),
                accessPolicy, engine);
        var sweeper = StaleUploadSweeper.start(store.multipart(), settings.multipartExpiry());
        var verifier = new SignatureVerifier(keys, Clock.systemUTC());
        AuditLog audit = settings.auditLog() ? AuditLog.toStandardOutput() : null;
        var metrics = new RequestMetrics();
        var metricsPage = new MetricsPage(metrics, store);
        ClientLimits clients = settings.clients();
        var stallWatch = new StallWatch();
        var pipeline = new S3Pipeline(verifier, accessPolicy, operations,
                settings.domain(), audit, metrics, stallWatch, clients,
                new ClientShare(clients.clientShare(permits)), BucketCors.over(store));
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
