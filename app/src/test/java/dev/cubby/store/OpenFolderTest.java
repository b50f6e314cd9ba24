package dev.cubby.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cubby's own folders under {@code .cubby} are opened without following any link. */
class OpenFolderTest {
    @TempDir
    Path root;

    @Test
    void anInternalFolderIsMadeWhereMissingAndNamesResolveInIt() throws Exception {
        try (OpenFolder folder = OpenFolder.internal(root, Path.of(".cubby/uploads/u1"), true)) {
            Files.writeString(folder.entry("part"), "bytes");
        }
        assertEquals("bytes", Files.readString(root.resolve(".cubby/uploads/u1/part")));
        assertThrows(NoSuchFileException.class, () -> OpenFolder.internal(root, Path.of(".cubby/uploads/u2"), false));
    }

    @Test
    void aLinkPlantedInTheInternalFolderIsRefusedAndNothingIsMadeWhereItLeads() throws Exception {
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.createDirectories(root.resolve(".cubby"));
        Files.createSymbolicLink(root.resolve(".cubby/uploads"), outside);

        assertThrows(FileSystemException.class, () -> OpenFolder.internal(root, Path.of(".cubby/uploads/u1"), true));
        try (var entries = Files.list(outside)) {
            assertEquals(0, entries.count());
        }
        assertTrue(Files.isSymbolicLink(root.resolve(".cubby/uploads")), "the link is left for the owner to see");
    }
}
