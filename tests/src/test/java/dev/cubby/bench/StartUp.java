package dev.cubby.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Time from starting a fresh server process to its first good answer (Cubby: 200 on /-/health). */
final class StartUp implements Workload {
    static final String NAME = "start-up";
    private final Path scratch;

    StartUp(Path scratch) {
        this.scratch = scratch;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** One unmeasured start, which leaves the class-data archive Cubby's later starts use, as on a NAS after its first boot. */
    @Override
    public void prepare(Target target) throws Exception {
        target.measureStartUp(Files.createTempDirectory(Files.createDirectories(scratch), target.name() + "-"));
    }

    @Override
    public void run(Target target, Results results) throws Exception {
        Path home = Files.createTempDirectory(Files.createDirectories(scratch), target.name() + "-");
        Duration time = target.measureStartUp(home);
        results.add(NAME, "to first answer (Cubby: 200 on /-/health)", target.name(), "ms", time.toNanos() / 1e6);
    }
}
