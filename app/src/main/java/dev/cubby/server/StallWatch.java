package dev.cubby.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cuts socket reads and writes that make no progress in time. Java sockets have no write timeout,
 * and Helidon sets no read timeout on accepted connections, so a client that stops reading a
 * download or stops sending a body would hold its request's place forever. A connection's thread
 * marks each blocking socket call with {@link #blocking}; a ticker interrupts a thread whose call
 * outlived its timeout, and the JDK closes a virtual thread's socket when it is interrupted in
 * socket I/O, which ends the call with an exception and frees the place.
 */
final class StallWatch implements AutoCloseable {
    static final Duration TICK = Duration.ofMillis(250);

    private final Map<Thread, Call> calls = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cubby-stall-watch");
        thread.setDaemon(true);
        return thread;
    });

    StallWatch() {
        ticker.scheduleWithFixedDelay(this::cutStalled, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Marks the start of a blocking socket call of the current thread that must end within {@code timeout}. */
    void blocking(Duration timeout) {
        Call call = calls.computeIfAbsent(Thread.currentThread(), thread -> new Call());
        synchronized (call) {
            call.deadline = System.nanoTime() + timeout.toNanos();
            call.active = true;
        }
    }

    /**
     * Marks the end of the current thread's blocking call.
     *
     * @return true when the call was cut for taking too long (its socket is closed; the interrupt
     *         that closed it is cleared, so that what follows, such as removing a staged file, runs)
     */
    boolean done() {
        Call call = calls.get(Thread.currentThread());
        if (call == null) {
            return false;
        }
        synchronized (call) {
            call.active = false;
            if (call.cut) {
                call.cut = false;
                Thread.interrupted();
                return true;
            }
            return false;
        }
    }

    /** Forgets the current thread (its request is over). */
    void forget() {
        calls.remove(Thread.currentThread());
    }

    private void cutStalled() {
        long now = System.nanoTime();
        calls.forEach((thread, call) -> {
            synchronized (call) {
                if (call.active && !call.cut && now - call.deadline > 0) {
                    call.cut = true;
                    thread.interrupt();
                }
            }
            if (!thread.isAlive()) {
                calls.remove(thread, call);
            }
        });
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** One thread's current blocking call; guarded by its own monitor. */
    private static final class Call {
        long deadline;
        boolean active;
        boolean cut;
    }
}
