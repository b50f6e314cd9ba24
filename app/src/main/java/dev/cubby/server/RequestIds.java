package dev.cubby.server;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/** Request IDs for x-amz-request-id and error bodies: unique per process, 16 hex digits. */
final class RequestIds {
    private static final AtomicLong NEXT = new AtomicLong(new SecureRandom().nextLong());

    private RequestIds() {
    }

    static String next() {
        return HexFormat.of().withUpperCase().toHexDigits(NEXT.getAndIncrement());
    }
}
