package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One folder of 3,000 files (more than the lister loads sidecar rows for at once): pages in S3
 * order, including a subfolder whose place depends on it being a folder ({@code f1000/} sorts
 * after {@code f1000.txt}), and MD5 ETags for objects uploaded over S3 among files written
 * straight into the tree.
 */
class HugeFolderListingTest {
    private static final String BUCKET = "huge";
    private static final int FILES = 3_000;
    private static final List<String> UPLOADED = List.of("f0005.txt", "f1999.txt", "f2998.txt");

    @RegisterExtension
    static final TestServer server = TestServer.empty().tree(HugeFolderListingTest::writeFiles);

    private static final List<String> KEYS = new ArrayList<>();

    private static void writeFiles(Path root) throws IOException {
        Path folder = Files.createDirectories(root.resolve(BUCKET));
        for (int i = 0; i < FILES; i++) {
            Files.writeString(folder.resolve(String.format("f%04d.txt", i)), "file " + i);
        }
        Files.writeString(Files.createDirectories(folder.resolve("f1000")).resolve("inner.txt"), "inner");
        Files.writeString(folder.resolve("f1000-b"), "dash");
    }

    @BeforeAll
    static void uploadSome() {
        for (String key : UPLOADED) {
            server.client().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString("uploaded " + key));
        }
        for (int i = 0; i < FILES; i++) {
            KEYS.add(String.format("f%04d.txt", i));
        }
        KEYS.add("f1000/inner.txt");
        KEYS.add("f1000-b");
    }

    @Test
    void pagesOf1000VisitEveryKeyOnceInS3Order() {
        S3Client s3 = server.client();
        List<ListObjectsV2Response> pages = Listings.pagesV2(s3, ListObjectsV2Request.builder().bucket(BUCKET).build());

        assertEquals(4, pages.size());
        List<String> listed = Listings.entriesV2(pages);
        assertEquals(Keys.sorted(KEYS), listed);
        int dash = listed.indexOf("f1000-b");
        assertEquals(List.of("f1000-b", "f1000.txt", "f1000/inner.txt"), listed.subList(dash, dash + 3));
    }

    @Test
    void uploadedObjectsCarryTheirMd5AndSambaFilesAPlaceholderOrTheirMd5() {
        Map<String, String> etags = Listings.pagesV2(server.client(), ListObjectsV2Request.builder().bucket(BUCKET).build())
                .stream().flatMap(page -> page.contents().stream())
                .collect(Collectors.toMap(S3Object::key, S3Object::eTag));
        for (String key : UPLOADED) {
            assertEquals("\"" + Digests.md5Hex(("uploaded " + key).getBytes(StandardCharsets.UTF_8)) + "\"", etags.get(key));
        }
        String samba = etags.get("f0100.txt");
        String md5 = "\"" + Digests.md5Hex("file 100".getBytes(StandardCharsets.UTF_8)) + "\"";
        assertEquals(true, samba.equals(md5) || samba.matches("\"[0-9a-f]+-1\""), samba);
    }

    @Test
    void resumingInTheMiddleStartsRightAfterTheMarker() {
        ListObjectsV2Response page = server.client().listObjectsV2(b -> b.bucket(BUCKET).startAfter("f1000.txt").maxKeys(3));
        assertEquals(List.of("f1000/inner.txt", "f1001.txt", "f1002.txt"), page.contents().stream().map(S3Object::key).toList());
        ListObjectsV2Response folders = server.client().listObjectsV2(b -> b.bucket(BUCKET).prefix("f1000").delimiter("/"));
        assertEquals(List.of("f1000-b", "f1000.txt"), folders.contents().stream().map(S3Object::key).toList());
        assertEquals(List.of("f1000/"), folders.commonPrefixes().stream().map(p -> p.prefix()).toList());
    }
}
