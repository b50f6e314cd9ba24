package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ln -s loop loop} in a bucket (and a pair of links pointing at each other): listings
 * of the bucket still answer 200 and skip the links, as they skip every link that cannot be
 * followed; every operation on such a key answers a 4xx, anonymously on a public bucket too, and
 * no reply carries a server path or the kernel's words for it.
 */
class SymlinkLoopTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty().args("--public-read", "loops").tree(root -> {
        Path bucket = root.resolve("loops");
        Files.createDirectories(bucket.resolve("dir"));
        Files.writeString(bucket.resolve("dir/file.txt"), "a file");
        Files.writeString(root.resolve("loops/top.txt"), "top");
        Files.createSymbolicLink(root.resolve("loops/loop"), Path.of("loop"));
        Files.createSymbolicLink(bucket.resolve("dir/ping"), Path.of("pong"));
        Files.createSymbolicLink(bucket.resolve("dir/pong"), Path.of("ping"));
    });

    @ParameterizedTest
    @ValueSource(strings = {"?list-type=2", "?list-type=2&delimiter=/", "?list-type=2&prefix=loop",
        "?list-type=2&prefix=dir/", "?list-type=2&prefix=dir/&delimiter=/", "?list-type=2&start-after=dir/file.txt",
        "", "?delimiter=/", "?prefix=lo", "?versions", "?list-type=2&prefix=loop/"})
    void everyListingAnswers200AndSkipsTheLoops(String query) throws IOException {
        // ListObjectVersions is not among the anonymous reads of a public bucket
        List<RawResponse> listings = query.equals("?versions")
                ? List.of(server.sendSigned(server.request("GET", "/loops" + query)))
                : List.of(server.sendSigned(server.request("GET", "/loops" + query)),
                        server.send(server.request("GET", "/loops" + query)));
        for (RawResponse listing : listings) {
            assertEquals(200, listing.status(), listing::toString);
            String text = listing.text();
            assertFalse(text.contains("<Key>loop</Key>") || text.contains("<Key>dir/ping</Key>")
                    || text.contains("<Key>dir/pong</Key>") || text.contains("<CommonPrefixes><Prefix>loop/"), text);
            assertNoServerDetails(listing);
        }
        RawResponse all = server.sendSigned(server.request("GET", "/loops?list-type=2"));
        assertTrue(all.text().contains("<Key>dir/file.txt</Key>") && all.text().contains("<Key>top.txt</Key>"),
                all::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"loop", "loop/under", "dir/ping", "dir/pong/under"})
    void everyOperationOnALoopAnswersA4xxWithoutServerDetails(String key) throws IOException {
        String target = "/loops/" + key;
        byte[] body = "body".getBytes(StandardCharsets.UTF_8);
        List<RawResponse> replies = List.of(
                server.sendSigned(server.request("GET", target)),
                server.send(server.request("GET", target)),
                server.sendSigned(server.request("HEAD", target)),
                server.send(server.request("HEAD", target)),
                server.sendSigned(server.request("PUT", target).withBody(body)),
                server.sendSigned(server.request("DELETE", target)),
                server.sendSigned(server.request("GET", target + "?tagging")),
                server.sendSigned(server.request("PUT", target + "?tagging").withBody(
                        "<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>"
                                .getBytes(StandardCharsets.UTF_8))),
                server.sendSigned(server.request("GET", target + "?attributes")
                        .withHeader("x-amz-object-attributes", "ETag")),
                server.sendSigned(server.request("PUT", "/loops/copy-target")
                        .withHeader("x-amz-copy-source", target)),
                server.sendSigned(server.request("PUT", target).withHeader("x-amz-copy-source", "/loops/top.txt")),
                server.sendSigned(server.request("POST", target + "?uploads")));
        for (RawResponse reply : replies) {
            assertTrue(reply.status() >= 400 && reply.status() < 500, reply::toString);
            assertNoServerDetails(reply);
        }
        assertTrue(Files.isSymbolicLink(server.root().resolve("loops/loop")), "the loop link stays as it was");
        assertFalse(Files.exists(server.root().resolve("loops/copy-target")));
    }

    private static void assertNoServerDetails(RawResponse reply) {
        String text = reply.text();
        assertFalse(text.contains(server.base().toString()) || text.contains("symbolic links")
                || text.contains("Exception") || text.contains("\tat "), text);
    }
}
