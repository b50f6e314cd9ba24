package dev.cubby.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code cubby mount} of a root as its own process (the built jar), beside a server of the same
 * root. Closing it stops the process as a service manager would (SIGTERM) and checks the mount
 * is gone; a mount that outlives its process is unmounted by force, so no test leaves one behind,
 * even when it fails or the test JVM is stopped.
 */
public final class CubbyMount implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path mountPoint;
    private final Path log;
    private final Thread guard;
    private Process process;

    private CubbyMount(Path mountPoint, Path log) {
        this.mountPoint = mountPoint;
        this.log = log;
        this.guard = new Thread(() -> forceUnmount(mountPoint), "cubby-mount-guard");
    }

    /**
     * Mounts {@code root} at a new temporary folder (outside the server's, so removing the
     * server's files never walks into a mount); {@code extra} goes after the fixed arguments.
     */
    public static CubbyMount start(Path root, String... extra) throws IOException, InterruptedException {
        Path mountPoint = Files.createTempDirectory("cubby-mnt-");
        var mount = new CubbyMount(mountPoint, Files.createTempFile("cubby-mount-", ".log"));
        Runtime.getRuntime().addShutdownHook(mount.guard);
        try {
            mount.launch(root, extra);
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            mount.close();
            throw e;
        }
        return mount;
    }

    private void launch(Path root, String... extra) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("mount", mountPoint.toString(), "--root", root.toString()));
        args.addAll(List.of(extra));
        var builder = new ProcessBuilder(CubbyJar.command(args.toArray(String[]::new)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("CUBBY_"));
        process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!isMounted(mountPoint)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("cubby mount exited with " + process.exitValue() + "; its log:\n" + log());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cubby mount did not mount within " + START_TIMEOUT + "; its log:\n" + log());
            }
            Thread.sleep(50);
        }
    }

    public Path mountPoint() {
        return mountPoint;
    }

    /** The path of a key through the mount. */
    public Path path(String bucket, String key) {
        return mountPoint.resolve(bucket).resolve(key);
    }

    public boolean isMounted() {
        return isMounted(mountPoint);
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, as systemd stops it; returns the exit code, or -1 when it had to be killed. */
    public int stop() throws InterruptedException {
        if (process == null) {
            return -1;
        }
        process.destroy();
        int code = -1;
        if (process.waitFor(15, TimeUnit.SECONDS)) {
            code = process.exitValue();
        } else {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        process = null;
        return code;
    }

    /** SIGKILL, as a crash ends it, then the lazy unmount a dead FUSE process needs. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
        forceUnmount(mountPoint);
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            forceUnmount(mountPoint);
            try {
                Runtime.getRuntime().removeShutdownHook(guard);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
            try {
                Files.deleteIfExists(mountPoint);
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // a leftover empty folder in the temporary folder harms nothing
            }
        }
    }

    /** Whether the kernel lists a FUSE mount at the folder. */
    public static boolean isMounted(Path mountPoint) {
        String target = mountPoint.toAbsolutePath().normalize().toString();
        try (var lines = Files.lines(Path.of("/proc/self/mountinfo"))) {
            return lines.map(line -> line.split(" "))
                    .anyMatch(f -> f.length > 4 && f[4].equals(target) && String.join(" ", f).contains("fuse"));
        } catch (IOException e) {
            return false;
        }
    }

    static void forceUnmount(Path mountPoint) {
        if (!isMounted(mountPoint)) {
            return;
        }
        try {
            new ProcessBuilder("fusermount", "-u", "-z", mountPoint.toString()).inheritIO().start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
