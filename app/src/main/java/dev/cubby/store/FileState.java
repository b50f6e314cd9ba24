package dev.cubby.store;

import dev.cubby.meta.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One {@code stat} of a path: what it is, and for files their fingerprint. */
public record FileState(Kind kind, Fingerprint fingerprint, Instant lastModified) {

    public enum Kind { FILE, FOLDER, SYMLINK, MISSING, OTHER }

    static final FileState MISSING = new FileState(Kind.MISSING, null, null);
    private static final String ATTRIBUTES = "unix:size,lastModifiedTime,ctime,ino,isRegularFile,isDirectory,isSymbolicLink";

    /** Reads the path's state; symlinks are followed unless {@code options} says otherwise. */
    public static FileState of(Path path, LinkOption... options) {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(path, ATTRIBUTES, options);
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + path, e);
        }
        FileTime mtime = (FileTime) a.get("lastModifiedTime");
        Kind kind = (Boolean) a.get("isRegularFile") ? Kind.FILE
                : (Boolean) a.get("isDirectory") ? Kind.FOLDER
                : (Boolean) a.get("isSymbolicLink") ? Kind.SYMLINK : Kind.OTHER;
        var fingerprint = new Fingerprint((Long) a.get("size"), mtime.to(TimeUnit.NANOSECONDS),
                ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS), (Long) a.get("ino"));
        return new FileState(kind, fingerprint, mtime.toInstant());
    }

    public boolean isFile() {
        return kind == Kind.FILE;
    }

    public boolean isFolder() {
        return kind == Kind.FOLDER;
    }

    public boolean exists() {
        return kind != Kind.MISSING;
    }

    public long size() {
        return fingerprint.size();
    }
}
