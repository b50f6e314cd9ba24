package dev.cubby.store.space;

import java.time.Duration;
import java.util.Map;

/**
 * How much a write may use: per-bucket byte quotas, the free space every filesystem keeps (0
 * turns the free-space check off), and how often quota'd buckets are re-walked to catch files
 * changed outside Cubby.
 */
public record SpacePolicy(Map<String, Long> quotas, long freeSpaceReserve, Duration rescanInterval) {
    /** No quotas and no free-space check: a full disk still fails cleanly, as ENOSPC. */
    public static final SpacePolicy UNLIMITED = new SpacePolicy(Map.of(), 0, Duration.ofMinutes(15));

    public SpacePolicy {
        quotas = Map.copyOf(quotas);
    }
}
