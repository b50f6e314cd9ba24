package dev.cubby.server;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many requests each client address has in flight, so that one address cannot take every
 * place of the server's request limit (128 downloads nobody reads, 128 bodies trickling a byte a
 * second): past its share a request is answered SlowDown at once, and every S3 client backs off
 * and retries it, while other addresses still find free places.
 */
final class ClientShare {
    private final int perClient;
    private final Map<InetAddress, Integer> inFlight = new ConcurrentHashMap<>();

    /** @param perClient requests one address may have in flight at once */
    ClientShare(int perClient) {
        this.perClient = perClient;
    }

    int perClient() {
        return perClient;
    }

    /** Takes a place for {@code client}; false (and nothing taken) when its share is used up. */
    boolean tryEnter(InetAddress client) {
        boolean[] entered = {false};
        inFlight.compute(client, (address, count) -> {
            int current = count == null ? 0 : count;
            if (current >= perClient) {
                return count;
            }
            entered[0] = true;
            return current + 1;
        });
        return entered[0];
    }

    /** Gives back a place taken by {@link #tryEnter}. */
    void leave(InetAddress client) {
        inFlight.computeIfPresent(client, (address, count) -> count == 1 ? null : count - 1);
    }
}
