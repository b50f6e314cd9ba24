package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import jnr.ffi.LibraryLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A local user (Samba, the shell) who can make symlinks in a share swaps a folder inside a
 * bucket for a symlink to an outside folder, over and over with {@code renameat2(RENAME_EXCHANGE)},
 * while requests run. Whatever instant the swap lands at, no request may create, change or
 * delete anything outside the root, nor serve a byte of an outside file: not a signed GET, not
 * an anonymous GET of the public bucket, not a listing, not a copy's source.
 */
class SymlinkRaceTest {
    private static final int ROUNDS = 300;
    private static final String OUTSIDE_BYTES = "OUTSIDE-ONLY-7f3a9c: never to be served";
    private static final String OUTSIDE_NAME = "outside-only-name.txt";
    private static final String INSIDE_BYTES = "inside the bucket";

    /** docs is public-read; docs/race is a folder, docs/race-swap a link to outside/target. */
    @RegisterExtension
    static final TestServer server = TestServer.empty().args("--public-read", "docs").tree(root -> {
        Path target = Files.createDirectories(root.resolveSibling("outside").resolve("target"));
        for (String name : List.of("f", "src", "victim", OUTSIDE_NAME)) {
            Files.writeString(target.resolve(name), OUTSIDE_BYTES);
        }
        Path race = Files.createDirectories(root.resolve("docs/race"));
        Files.writeString(race.resolve("f"), INSIDE_BYTES);
        Files.writeString(race.resolve("src"), INSIDE_BYTES);
        Files.createSymbolicLink(root.resolve("docs/race-swap"), target);
    });

    /** glibc's renameat2(2): with RENAME_EXCHANGE it swaps two names atomically. */
    public interface LibC {
        int renameat2(int olddirfd, String oldpath, int newdirfd, String newpath, int flags);
    }

    private static final int AT_FDCWD = -100;
    private static final int RENAME_EXCHANGE = 2;

    @Test
    void aFolderSwappedForALinkOutMidRequestNeverLetsARequestReadOrWriteOutsideTheRoot() throws Exception {
        Path outside = server.outside();
        TreeSnapshot before = TreeSnapshot.of(outside);
        LibC libc = LibraryLoader.create(LibC.class).load("c");
        String race = server.root().resolve("docs/race").toString();
        String swap = server.root().resolve("docs/race-swap").toString();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong swaps = new AtomicLong();
        Thread swapper = new Thread(() -> {
            while (!stop.get()) {
                if (libc.renameat2(AT_FDCWD, race, AT_FDCWD, swap, RENAME_EXCHANGE) == 0) {
                    swaps.incrementAndGet();
                }
            }
        }, "symlink-swapper");
        swapper.setDaemon(true);
        swapper.start();
        List<String> failures = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS && failures.size() < 5; round++) {
                List<RawResponse> replies = List.of(
                        server.sendSigned(server.request("PUT", "/docs/race/put-" + round)
                                .withBody(("written in round " + round).getBytes(StandardCharsets.UTF_8))),
                        server.sendSigned(server.request("GET", "/docs/race/f")),
                        server.send(server.request("GET", "/docs/race/f")),
                        server.send(server.request("GET", "/docs/race/" + OUTSIDE_NAME)),
                        server.sendSigned(server.request("DELETE", "/docs/race/victim")),
                        server.sendSigned(server.request("PUT", "/docs/copies/c-" + round)
                                .withHeader("x-amz-copy-source", "/docs/race/src")),
                        server.sendSigned(server.request("GET", "/docs/copies/c-" + round)),
                        server.send(server.request("GET", "/docs?list-type=2&prefix=race/")));
                for (RawResponse reply : replies) {
                    String text = reply.text();
                    if (text.contains(OUTSIDE_BYTES) || text.contains(OUTSIDE_NAME) && reply.status() == 200
                            && text.contains("<ListBucketResult")) {
                        failures.add("round " + round + " served outside bytes or names: " + reply);
                    }
                    if (reply.status() >= 500 || text.contains(server.base().toString())) {
                        failures.add("round " + round + " answered " + reply);
                    }
                }
                if (!TreeSnapshot.of(outside).equals(before)) {
                    failures.add("round " + round + " changed the outside folder: " + TreeSnapshot.of(outside));
                    break;
                }
            }
        } finally {
            stop.set(true);
            swapper.join(5_000);
        }
        assertTrue(swaps.get() > ROUNDS, "the swapper ran (" + swaps.get() + " swaps)");
        assertEquals(List.of(), failures);
        assertEquals(before, TreeSnapshot.of(outside));
        assertFalse(Files.exists(outside.resolve("target").resolve("put-0")));
    }
}
