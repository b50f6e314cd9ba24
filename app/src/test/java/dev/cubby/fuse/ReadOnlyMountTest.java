package dev.cubby.fuse;

import static dev.cubby.fuse.MountTest.assertErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;

class ReadOnlyMountTest {

    @Test
    void aReadOnlyMountServesReadsAndRefusesEveryChange() throws Exception {
        try (var tree = new MountedTree(true, "docs")) {
            Files.writeString(tree.onDisk("docs", "a.txt"), "read me");

            assertEquals("read me", Files.readString(tree.mounted("docs", "a.txt")));
            assertErrno("Read-only file system", () -> Files.writeString(tree.mounted("docs", "a.txt"), "x"));
            assertErrno("Read-only file system", () -> Files.writeString(tree.mounted("docs", "b.txt"), "x",
                    StandardOpenOption.CREATE_NEW));
            assertErrno("Read-only file system", () -> Files.delete(tree.mounted("docs", "a.txt")));
            assertErrno("Read-only file system", () -> Files.createDirectory(tree.mounted("docs", "d")));
            assertEquals("read me", Files.readString(tree.onDisk("docs", "a.txt")));
        }
    }

    @Test
    void ownerAndUmaskOptionsChangeOnlyWhatIsShown() throws Exception {
        var options = new MountOptions(null, false, 1234, 4321, 027, false);
        try (var tree = new MountedTree(options, "docs")) {
            Files.writeString(tree.onDisk("docs", "a.txt"), "mine");
            Files.setPosixFilePermissions(tree.onDisk("docs", "a.txt"),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));

            assertEquals(1234, Files.getAttribute(tree.mounted("docs", "a.txt"), "unix:uid"));
            assertEquals(4321, Files.getAttribute(tree.mounted("docs", "a.txt"), "unix:gid"));
            assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(tree.mounted("docs", "a.txt"))));
            assertEquals(0, Files.getAttribute(tree.onDisk("docs", "a.txt"), "unix:uid"));
        }
    }
}
