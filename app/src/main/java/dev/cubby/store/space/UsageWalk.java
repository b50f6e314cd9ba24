package dev.cubby.store.space;

import dev.cubby.store.Bucket;
import dev.cubby.store.ObjectKey;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Counts the bytes a bucket holds: every regular file under its folder (symlinks are not
 * followed, as keys never lead through them out of the bucket; the internal folder of a bucket
 * on its own filesystem is skipped) plus the parts staged for its multipart uploads. Files that
 * vanish mid-walk are skipped. The walk pauses now and then so that it never starves uploads of
 * disk time.
 */
final class UsageWalk extends SimpleFileVisitor<Path> {
    private static final int ENTRIES_PER_PAUSE = 2_000;
    private static final long PAUSE_MILLIS = 5;

    private final Path internalFolder;
    private boolean inUploads;
    private long bytes;
    private long entries;

    private UsageWalk(Path bucketDir) {
        this.internalFolder = bucketDir.resolve(ObjectKey.INTERNAL_FOLDER);
    }

    static long count(Bucket bucket, List<Path> uploadFolders) throws IOException, InterruptedException {
        var walk = new UsageWalk(bucket.dir());
        Files.walkFileTree(bucket.dir(), walk);
        walk.inUploads = true;
        for (Path folder : uploadFolders) {
            if (Files.isDirectory(folder)) {
                Files.walkFileTree(folder, walk);
            }
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("the walk of " + bucket.name() + " was stopped");
        }
        return walk.bytes;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        return dir.equals(internalFolder) ? FileVisitResult.SKIP_SUBTREE : pace();
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        // A part still arriving (.tmp) is held by its upload's reservation, and counted when it is recorded.
        if (attributes.isRegularFile() && !(inUploads && file.getFileName().toString().endsWith(".tmp"))) {
            bytes += attributes.size();
        }
        return pace();
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
        // Gone or unreadable: it is not counted, and the walk goes on.
        return FileVisitResult.CONTINUE;
    }

    private FileVisitResult pace() {
        if (++entries % ENTRIES_PER_PAUSE == 0) {
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return FileVisitResult.TERMINATE;
            }
        }
        return FileVisitResult.CONTINUE;
    }
}
