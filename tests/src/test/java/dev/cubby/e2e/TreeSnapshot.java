package dev.cubby.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a folder holds: each entry's relative path with its kind and, for files, the MD5 of its
 * bytes. Comparing two snapshots shows that a refused request changed nothing on disk. The
 * server's internal folder ({@code .cubby}) and its state folder are left out: they may change.
 */
public record TreeSnapshot(Map<String, String> entries) {

    public static TreeSnapshot of(Path dir) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.filter(path -> !path.equals(dir)).forEach(path -> {
                String relative = dir.relativize(path).toString();
                if (relative.startsWith("root/.cubby") || relative.startsWith(".cubby")
                        || relative.startsWith("state") || relative.equals("server.log")) {
                    return;
                }
                entries.put(relative, describe(path));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSnapshot(entries);
    }

    private static String describe(Path path) {
        try {
            if (Files.isSymbolicLink(path)) {
                return "link -> " + Files.readSymbolicLink(path);
            }
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return "dir";
            }
            return "file " + Digests.md5Hex(Files.readAllBytes(path));
        } catch (IOException e) {
            return "unreadable " + e;
        }
    }
}
