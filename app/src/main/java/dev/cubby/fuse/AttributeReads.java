package dev.cubby.fuse;

import dev.cubby.store.LocalFiles;
import dev.cubby.store.StoreException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;
import ru.serce.jnrfuse.ErrorCodes;
import ru.serce.jnrfuse.struct.FileStat;

/**
 * getattr and fgetattr through the mount: a key's attributes are read through its opened parent
 * folder, and a file open for writing here shows its writer's size and times (its private copy
 * when the file was removed beside the mount meanwhile).
 */
final class AttributeReads {
    private final LocalFiles files;
    private final FileAttributes attributes;
    private final OpenFiles openFiles;
    /** The folder on disk behind the root or a bucket. */
    private final Function<MountPath, Path> folderOf;

    AttributeReads(LocalFiles files, FileAttributes attributes, OpenFiles openFiles,
                   Function<MountPath, Path> folderOf) {
        this.files = files;
        this.attributes = attributes;
        this.openFiles = openFiles;
        this.folderOf = folderOf;
    }

    int getattr(String path, FileStat stat) throws IOException {
        MountPath p = MountPath.parse(path);
        WriteHandle writer = openFiles.writer(path);
        try {
            fill(p, stat);
        } catch (StoreException e) {
            // A name S3 cannot hold (the internal folder among them) simply is not there.
            return e.reason() == StoreException.Reason.INVALID_KEY ? -ErrorCodes.ENOENT() : Errno.of(e);
        } catch (NoSuchFileException e) {
            if (writer == null) {
                throw e;
            }
            // Removed beside the mount while open here: the writer's own copy is what it has.
            attributes.fill(writer.privateCopy(), stat);
            return 0;
        }
        Path copy = writer == null ? null : writer.copy();
        if (copy != null) {
            attributes.overlayWriter(copy, stat);
        }
        return 0;
    }

    /** As {@link #getattr}, for the file a handle holds open ({@code open} is null for none). */
    int fgetattr(String path, FileStat stat, OpenFile open) throws IOException {
        if (!(open instanceof WriteHandle writer)) {
            fill(MountPath.parse(path), stat);
            return 0;
        }
        try {
            fill(MountPath.parse(path), stat);
        } catch (NoSuchFileException e) {
            attributes.fill(writer.privateCopy(), stat);
            return 0;
        }
        if (writer.copy() != null) {
            attributes.overlayWriter(writer.copy(), stat);
        }
        return 0;
    }

    private void fill(MountPath p, FileStat stat) throws IOException {
        if (p.isRoot() || p.isBucket()) {
            attributes.fill(folderOf.apply(p), stat);
            return;
        }
        files.withEntry(p.bucket(), p.key(), entry -> {
            attributes.fill(entry, stat);
            return null;
        });
    }
}
