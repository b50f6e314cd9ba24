package dev.cubby.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An S3 server that runs as a Java jar under the bench's own JDK. */
abstract class JavaTarget extends Target {
    private final Path jar;
    private final List<String> jvmArgs;

    JavaTarget(String name, Path home, Path jar, List<String> jvmArgs) {
        super(name, home);
        this.jar = jar;
        this.jvmArgs = jvmArgs;
    }

    @Override
    final boolean speaksS3() {
        return true;
    }

    /** java, the JVM options, -jar, the jar, then {@code arguments}. */
    final List<String> command(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Bench.javaBinary());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(arguments));
        return command;
    }
}
