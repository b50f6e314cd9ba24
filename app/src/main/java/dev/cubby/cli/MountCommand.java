package dev.cubby.cli;

import dev.cubby.config.Settings;
import dev.cubby.config.SettingsException;
import dev.cubby.config.SettingsLoader;
import dev.cubby.fuse.FuseUnavailable;
import dev.cubby.fuse.Mount;
import dev.cubby.fuse.MountOptions;
import dev.cubby.store.ObjectStore;
import dev.cubby.store.space.SpacePolicy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cubby mount}: the tree through FUSE, beside or without a running server. */
@Command(name = "mount", mixinStandardHelpOptions = true,
        description = {"Mount the folder tree at --root through FUSE: buckets are the top-level folders, and every "
                + "change made through the mount keeps Cubby's metadata (ETags, S3 metadata) in step, so S3 "
                + "clients see it at once. Safe beside a running 'cubby serve' of the same root.",
                "Runs until stopped (SIGTERM, Ctrl-C) or unmounted (fusermount -u MOUNTPOINT)."})
final class MountCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MOUNTPOINT", description = "an existing empty folder to mount at")
    Path mountPoint;

    @Option(names = "--config", description = "YAML config file, for 'buckets:' and 'quotas:' (default: $CUBBY_CONFIG)")
    Path config;

    @Option(names = "--root", description = "folder tree to mount; its top-level folders are buckets ($CUBBY_ROOT)")
    String root;

    @Option(names = "--read-only", description = "refuse every change (EROFS)")
    boolean readOnly;

    @Option(names = "--uid", description = "show every file as owned by this user id (default: the file's own)")
    Integer uid;

    @Option(names = "--gid", description = "show every file as owned by this group id (default: the file's own)")
    Integer gid;

    @Option(names = "--umask", description = "octal bits to clear from the modes shown, e.g. 027 (default: none)")
    String umask;

    @Option(names = "--allow-other", description = "let users other than the one mounting use the mount "
            + "(non-root mounts need user_allow_other in /etc/fuse.conf); access is checked against the modes shown")
    boolean allowOther;

    @Override
    public Integer call() throws Exception {
        Settings settings;
        MountOptions options;
        try {
            settings = SettingsLoader.loadToServe(config, System.getenv(), flags());
            options = new MountOptions(mountPoint.toAbsolutePath().normalize(), readOnly, uid, gid, umask(), allowOther);
        } catch (SettingsException | IllegalArgumentException e) {
            System.err.println("cubby: " + e.getMessage());
            return 2;
        }
        ObjectStore store = ObjectStore.openAt(settings.root(), settings.buckets(), settings.hashOnReadLimit(),
                settings.indexBytesPerSecond(), new SpacePolicy(settings.quotas(), settings.freeSpaceReserve(),
                        settings.quotaRescan()));
        Mount mount;
        try {
            mount = Mount.start(store, settings.root(), options);
        } catch (FuseUnavailable e) {
            store.close();
            System.err.println("cubby: " + e.getMessage());
            return 2;
        }
        System.out.println("Cubby mounts " + settings.root() + " at " + options.mountPoint()
                + (readOnly ? " (read-only)" : ""));
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mount.close();
            store.close();
        }, "cubby-unmount"));
        mount.await();
        return 0;
    }

    private Integer umask() {
        return umask == null ? null : MountOptions.parseUmask(umask, "--umask");
    }

    private Map<String, String> flags() {
        var flags = new HashMap<String, String>();
        flags.put("root", root);
        return flags;
    }
}
