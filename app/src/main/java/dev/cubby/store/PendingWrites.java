package dev.cubby.store;

import dev.cubby.meta.Fingerprint;
import dev.cubby.meta.ObjectRecord;
import dev.cubby.meta.PendingWrite;
import dev.cubby.meta.Sidecar;
import dev.cubby.meta.SidecarException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finishes or drops writes that a crash cut between recording them and writing their row (see
 * {@link PendingWrite}, and {@link ObjectWriter#publish} for the order). A write whose file
 * reached its key gets its row, so its bytes come with its own metadata; any other is dropped
 * with its staged file and the empty folders made for it. At start for the writes of processes
 * that are gone, and lazily wherever a row does not describe its file, which covers a crash of
 * another process (the mount) while this one runs; lazily, a write is only ever completed, as
 * one not landed yet may still be under way.
 */
final class PendingWrites {
    private static final Logger LOG = Logger.getLogger(PendingWrites.class.getName());

    private final Buckets buckets;
    private final Sidecar sidecar;
    private final Folders folders;

    PendingWrites(Buckets buckets, Sidecar sidecar, Folders folders) {
        this.buckets = buckets;
        this.sidecar = sidecar;
        this.folders = folders;
    }

    /** At start: recovers every pending write whose process is gone (or was this one's pid before). */
    void recoverCrashed() {
        long self = ProcessHandle.current().pid();
        int recovered = 0;
        for (PendingWrite write : sidecar.pendingWrites()) {
            if (write.ownerPid() != self
                    && ProcessHandle.of(write.ownerPid()).map(ProcessHandle::isAlive).orElse(false)) {
                continue;
            }
            try {
                recover(write);
                recovered++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot recover the write of " + write.row().bucket() + "/" + write.row().key()
                        + " cut by a crash; it stays pending until the next start", e);
            }
        }
        if (recovered > 0) {
            LOG.info("recovered " + recovered + " write(s) cut by a crash");
        }
    }

    /** The key's row for the file in {@code state}, completed first from a pending write when it does not describe it. */
    ObjectRecord rowOf(String bucket, String key, Path path, FileState state) {
        ObjectRecord row = sidecar.find(bucket, key).orElse(null);
        return row != null && row.describes(state.fingerprint()) ? row : settle(bucket, key, path, state, row);
    }

    /**
     * The row of the file at a key whose row does not describe it: a pending write's, completed
     * now, when that write's file is the one standing there; else {@code row} unchanged.
     */
    ObjectRecord settle(String bucket, String key, Path path, FileState state, ObjectRecord row) {
        if (!state.isFile()) {
            return row;
        }
        Fingerprint current = state.fingerprint();
        for (PendingWrite write : sidecar.pendingWrites(bucket, key)) {
            if (write.landedAs(current)) {
                ObjectRecord completed = write.rowFor(current);
                try {
                    if (sidecar.completePendingWrite(write.id(), completed, () -> stillAt(path, current))) {
                        return completed;
                    }
                } catch (SidecarException e) {
                    if (!e.diskFull()) {
                        throw e;
                    }
                    return completed; // describes the file; made its row once the disk has room
                }
            }
        }
        // Its writer may have completed it (row and pending write go in one commit) since the
        // caller read the row: then the row read now is that writer's.
        return sidecar.find(bucket, key).orElse(null);
    }

    private void recover(PendingWrite write) {
        Optional<Bucket> found = buckets.find(write.row().bucket());
        if (found.isEmpty()) {
            sidecar.forgetPendingWrite(write.id());
            return;
        }
        Bucket bucket = found.get();
        ObjectKey key = ObjectKey.parse(write.row().key());
        boolean landed;
        try (ResolvedPath target = ResolvedPath.of(bucket, key)) {
            FileState state = target.state();
            Fingerprint current = state.fingerprint();
            landed = state.isFile() && write.landedAs(current);
            if (landed) {
                sidecar.completePendingWrite(write.id(), write.rowFor(current), () -> stillAt(target.entry(), current));
            }
        }
        if (landed) {
            LOG.info(() -> "completed the write of " + bucket.name() + "/" + key.value() + " cut by a crash");
        } else {
            sidecar.forgetPendingWrite(write.id());
            folders.removeEmptyImplicit(bucket, key.parentFolderKey());
            LOG.info(() -> "dropped the write of " + bucket.name() + "/" + key.value()
                    + " cut by a crash before it was published");
        }
        // Gone after a rename; a second name of the published file after a link (If-None-Match).
        removeStaged(bucket, Path.of(write.stagedFile()));
    }

    private static boolean stillAt(Path path, Fingerprint fingerprint) {
        return fingerprint.sameBytesAs(FileState.of(path).fingerprint());
    }

    /** Only a file in the bucket's own staging folder: the sidecar names it, the tree is what counts. */
    private static void removeStaged(Bucket bucket, Path staged) {
        if (!StagingArea.isTemporaryOf(bucket, staged)) {
            return;
        }
        try {
            Files.deleteIfExists(staged);
        } catch (IOException e) {
            LOG.warning("cannot remove the staged file of a write cut by a crash: " + e.getMessage());
        }
    }
}
