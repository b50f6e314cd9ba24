package dev.cubby.e2e;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a crash test's writers sent and what the server acknowledged, per key, and the rule for
 * what a key may hold once the server is back: the outcome of an operation that no acknowledged
 * operation begun after its acknowledgement superseded. An operation the kill cut (never
 * acknowledged) may have landed or not, so it is never superseded and never required.
 */
final class CrashLedger {
    /** The key holds no object. */
    static final String ABSENT = "(absent)";
    /** A server-side copy: whichever whole version its source held. */
    static final String ANY_VERSION = "(any whole version)";

    /**
     * One version a writer sent; {@code id} is what its {@code x-amz-meta-writer} says (or, through
     * the mount, what its bytes are known by). {@code etag} is the one its upload answers, quoted.
     */
    record Version(String id, String sha256, long size, String etag, String md5Etag, String contentType) {
    }

    /** One operation that may change a key; {@code ifCut} is what it may also leave when cut (or null). */
    static final class Op {
        final String key;
        final String outcome;
        final String ifCut;
        final long sent = System.nanoTime();
        volatile long acknowledged = Long.MAX_VALUE;
        volatile boolean refused;

        Op(String key, String outcome, String ifCut) {
            this.key = key;
            this.outcome = outcome;
            this.ifCut = ifCut;
        }

        boolean isAcknowledged() {
            return acknowledged != Long.MAX_VALUE;
        }
    }

    private final Map<String, Version> versions = new ConcurrentHashMap<>();
    private final Map<String, Version> bySha = new ConcurrentHashMap<>();
    private final Map<String, List<Op>> history = new ConcurrentHashMap<>();

    void register(Version version) {
        versions.put(version.id(), version);
        bySha.putIfAbsent(version.sha256(), version);
    }

    Version version(String id) {
        return versions.get(id);
    }

    /** The version (of any writer) with exactly these bytes, or null. */
    Version versionWithBytes(String sha256) {
        return bySha.get(sha256);
    }

    Op begin(String key, String outcome) {
        return begin(key, outcome, null);
    }

    Op begin(String key, String outcome, String ifCut) {
        var op = new Op(key, outcome, ifCut);
        history.computeIfAbsent(key, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(op);
        return op;
    }

    void acknowledge(Op op) {
        op.acknowledged = System.nanoTime();
    }

    /** The server refused it with a clean error: it had no effect. */
    void refuse(Op op) {
        op.refused = true;
    }

    /** A new round: what each key was found to hold is all its history. */
    void startRound(Map<String, String> found) {
        history.clear();
        found.forEach((key, outcome) -> acknowledge(begin(key, outcome)));
    }

    /** What the key may hold now. */
    Set<String> allowed(String key) {
        var allowed = new HashSet<String>();
        for (Op op : standing(key)) {
            allowed.add(op.outcome);
            if (!op.isAcknowledged() && op.ifCut != null) {
                allowed.add(op.ifCut);
            }
        }
        return allowed;
    }

    /** How many acknowledged writes this round the key's state must honour (not superseded, not the round's start). */
    int acknowledgedStanding(String key) {
        return (int) standing(key).stream().filter(op -> op.isAcknowledged() && !isRoundStart(key, op)).count();
    }

    /** Operations begun this round on the key, and how many of them were acknowledged. */
    int[] counts() {
        int sent = 0;
        int acknowledged = 0;
        for (var entry : history.entrySet()) {
            synchronized (entry.getValue()) {
                for (Op op : entry.getValue()) {
                    if (!isRoundStart(entry.getKey(), op)) {
                        sent++;
                        acknowledged += op.isAcknowledged() && !op.refused ? 1 : 0;
                    }
                }
            }
        }
        return new int[] {sent, acknowledged};
    }

    private boolean isRoundStart(String key, Op op) {
        List<Op> ops = history.get(key);
        synchronized (ops) {
            return ops.getFirst() == op;
        }
    }

    private List<Op> standing(String key) {
        List<Op> ops;
        List<Op> all = history.getOrDefault(key, List.of());
        synchronized (all) {
            ops = all.stream().filter(op -> !op.refused).toList();
        }
        return ops.stream().filter(op -> !op.isAcknowledged() || ops.stream().noneMatch(later ->
                later.isAcknowledged() && later.sent > op.acknowledged)).toList();
    }
}
