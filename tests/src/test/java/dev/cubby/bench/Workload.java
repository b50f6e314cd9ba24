package dev.cubby.bench;

/** One kind of load, run once per round against each target that supports it. */
interface Workload {
    String name();

    default boolean supports(Target target) {
        return true;
    }

    /** Unmeasured set-up before the first round (objects a GET needs, say). */
    default void prepare(Target target) throws Exception {
    }

    void run(Target target, Results results) throws Exception;

    /** After the last round, before the targets stop: undo what {@link #prepare} started. */
    default void finish() {
    }
}
