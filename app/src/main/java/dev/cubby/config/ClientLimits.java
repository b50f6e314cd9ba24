package dev.cubby.config;

import java.time.Duration;

/**
 * How long, how slowly and how much of the server one client may hold, so that slow or stalled
 * clients (a download nobody reads, a body trickling a byte a second) cannot keep others out.
 *
 * @param idleTimeout       a connection that sends no request for this long is closed
 * @param readTimeout       a request's headers must arrive within this after its first line, and
 *                          each read of its body must bring a byte within it; else the connection is closed
 * @param writeTimeout      a write of a response (up to 256 KiB at a time) that the client does not
 *                          take within this is cut, with its connection
 * @param minBodyRate       bytes per second a request body must bring on average over each
 *                          {@code readTimeout} the server spends waiting for it; slower bodies get
 *                          RequestTimeout (0: no minimum)
 * @param requestsPerClient requests one client address may have in flight at once; 0 for three
 *                          quarters of the server's limit, so the rest stays free for others
 */
public record ClientLimits(Duration idleTimeout, Duration readTimeout, Duration writeTimeout, long minBodyRate,
                           int requestsPerClient) {
    /** {@link #requestsPerClient} when no cap is wanted (behind a reverse proxy every client has its address). */
    public static final int UNCAPPED = Integer.MAX_VALUE;

    /** The cap on one address's requests in flight when the server runs {@code serverLimit} at once. */
    public int clientShare(int serverLimit) {
        return requestsPerClient > 0 ? requestsPerClient : Math.max(1, serverLimit * 3 / 4);
    }
}
