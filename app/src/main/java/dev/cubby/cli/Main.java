package dev.cubby.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cubby} command: an S3-compatible server over a folder tree. */
@Command(name = "cubby", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Serve an existing folder tree as S3: top-level folders are buckets, paths are keys.",
        subcommands = {ServeCommand.class, MountCommand.class, KeysCommand.class, ShareCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
