package dev.cubby.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sequential write and read through {@code cubby mount} against the same on the disk under it,
 * with dd as the client (1 MiB blocks, the write fsynced at the end). Reported, not asserted:
 * the FUSE round trips per 128 KiB and the private copy a write goes to cost some of the disk's
 * speed, and the ratio shows how much.
 */
final class MountThroughput implements Workload {
    static final String NAME = "mount: sequential throughput";

    private final long size;
    private ServerProcess mountProcess;
    private Path mountPoint;

    MountThroughput(long size) {
        this.size = size;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(Target target) {
        return target instanceof CubbyTarget;
    }

    /** Mounts the target's tree from a second process, as a NAS owner runs it beside the server. */
    @Override
    public void prepare(Target target) throws Exception {
        mountPoint = Files.createDirectories(target.home().resolve("mnt"));
        List<String> command = ((CubbyTarget) target).command("mount", mountPoint.toString(),
                "--root", target.dataRoot().toString());
        mountProcess = ServerProcess.start(command, target.home().resolve("mount.log"), java.util.Map.of());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!mounted(mountPoint)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("cubby mount did not mount within 30 s; see " + target.home().resolve("mount.log"));
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void run(Target target, Results results) throws Exception {
        long mib = size / 1048576;
        Path throughMount = mountPoint.resolve(Target.BUCKET).resolve("mount-seq.bin");
        Path direct = target.dataRoot().resolve(Target.BUCKET).resolve("disk-seq.bin");
        double mountWrite = mib / seconds("dd", "if=/dev/zero", "of=" + throughMount, "bs=1M", "count=" + mib,
                "conv=fsync", "status=none");
        double diskWrite = mib / seconds("dd", "if=/dev/zero", "of=" + direct, "bs=1M", "count=" + mib,
                "conv=fsync", "status=none");
        double mountRead = mib / seconds("dd", "if=" + throughMount, "of=/dev/null", "bs=1M", "status=none");
        double diskRead = mib / seconds("dd", "if=" + direct, "of=/dev/null", "bs=1M", "status=none");
        String name = target.name();
        results.add(NAME, "write through the mount", name, "MiB/s", mountWrite);
        results.add(NAME, "write to the disk directly", name, "MiB/s", diskWrite);
        results.add(NAME, "write: mount ÷ disk", name, "ratio", mountWrite / diskWrite);
        results.add(NAME, "read through the mount", name, "MiB/s", mountRead);
        results.add(NAME, "read from the disk directly", name, "MiB/s", diskRead);
        results.add(NAME, "read: mount ÷ disk", name, "ratio", mountRead / diskRead);
        Files.deleteIfExists(direct);
        Files.deleteIfExists(throughMount);
    }

    /** Stops the mount process (SIGTERM unmounts); a mount that outlives it is unmounted by force. */
    @Override
    public void finish() {
        if (mountProcess != null) {
            mountProcess.close();
        }
        if (mountPoint != null && mounted(mountPoint)) {
            try {
                new ProcessBuilder("fusermount", "-u", "-z", mountPoint.toString()).inheritIO().start()
                        .waitFor(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                System.err.println("cannot unmount " + mountPoint + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static double seconds(String... command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("failed: " + String.join(" ", command));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static boolean mounted(Path mountPoint) {
        String target = mountPoint.toAbsolutePath().normalize().toString();
        try (var lines = Files.lines(Path.of("/proc/self/mountinfo"))) {
            return lines.map(line -> line.split(" ")).anyMatch(f -> f.length > 4 && f[4].equals(target));
        } catch (IOException e) {
            return false;
        }
    }
}
