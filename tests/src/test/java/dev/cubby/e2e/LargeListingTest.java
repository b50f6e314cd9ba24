package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/** 1,500 keys across 15 folders, written straight into the tree, listed whole and in pages. */
class LargeListingTest {
    private static final String BUCKET = "big";
    private static final int FOLDERS = 15;
    private static final int FILES_PER_FOLDER = 100;
    private static final List<String> KEYS = IntStream.range(0, FOLDERS).boxed()
            .flatMap(f -> IntStream.range(0, FILES_PER_FOLDER).mapToObj(i -> String.format("f%02d/k%03d.txt", f, i)))
            .toList();

    @RegisterExtension
    static final TestServer server = TestServer.empty().tree(LargeListingTest::writeKeys);

    private final S3Client s3 = server.client();

    private static void writeKeys(Path root) throws IOException {
        for (String key : KEYS) {
            Path file = root.resolve(BUCKET).resolve(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, key);
        }
    }

    @Test
    void v2DefaultPageHolds1000KeysAndTheNextTheRest() {
        List<ListObjectsV2Response> pages = Listings.pagesV2(s3, ListObjectsV2Request.builder().bucket(BUCKET).build());

        assertEquals(2, pages.size());
        assertEquals(1000, pages.get(0).keyCount());
        assertEquals(1000, pages.get(0).maxKeys());
        assertTrue(pages.get(0).isTruncated());
        assertEquals(500, pages.get(1).keyCount());
        assertFalse(pages.get(1).isTruncated());
        assertEquals(KEYS, Listings.entriesV2(pages));
    }

    @Test
    void v2PagesOf100VisitEveryKeyOnceInOrder() {
        List<ListObjectsV2Response> pages = Listings.pagesV2(s3,
                ListObjectsV2Request.builder().bucket(BUCKET).maxKeys(100).build());

        assertEquals(15, pages.size());
        pages.forEach(page -> assertEquals(100, page.contents().size()));
        assertEquals(KEYS, Listings.entriesV2(pages));
    }

    @Test
    void sdkPaginatorCollectsEveryKey() {
        List<String> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).maxKeys(250)).contents().forEach(o -> keys.add(o.key()));

        assertEquals(KEYS, keys);
    }

    @Test
    void v1DefaultPageHolds1000KeysAndMarkerPagingFindsTheRest() {
        List<ListObjectsResponse> pages = Listings.pagesV1(s3, ListObjectsRequest.builder().bucket(BUCKET).build());

        assertEquals(2, pages.size());
        assertEquals(1000, pages.get(0).contents().size());
        assertTrue(pages.get(0).isTruncated());
        assertEquals(KEYS, Listings.entriesV1(pages));
    }

    @Test
    void v1PagesOf100VisitEveryKeyOnceInOrder() {
        List<ListObjectsResponse> pages = Listings.pagesV1(s3,
                ListObjectsRequest.builder().bucket(BUCKET).maxKeys(100).build());

        assertEquals(15, pages.size());
        assertEquals(KEYS, Listings.entriesV1(pages));
    }

    @Test
    void delimiterGivesOneCommonPrefixPerFolderAcrossPages() {
        List<String> folders = IntStream.range(0, FOLDERS).mapToObj(f -> String.format("f%02d/", f)).toList();

        ListObjectsV2Response whole = s3.listObjectsV2(b -> b.bucket(BUCKET).delimiter("/"));
        List<ListObjectsV2Response> pages = Listings.pagesV2(s3,
                ListObjectsV2Request.builder().bucket(BUCKET).delimiter("/").maxKeys(4).build());

        assertEquals(folders, Listings.prefixes(whole));
        assertEquals(List.of(), whole.contents());
        assertEquals(15, whole.keyCount());
        assertEquals(4, pages.size());
        assertEquals(folders, Listings.entriesV2(pages));
    }

    @Test
    void prefixPagingStaysInsideTheFolder() {
        List<ListObjectsV2Response> pages = Listings.pagesV2(s3,
                ListObjectsV2Request.builder().bucket(BUCKET).prefix("f07/").maxKeys(30).build());

        assertEquals(4, pages.size());
        assertEquals(KEYS.stream().filter(k -> k.startsWith("f07/")).toList(), Listings.entriesV2(pages));
    }

    @Test
    void startAfterInTheMiddleListsTheRemainder() {
        List<ListObjectsV2Response> pages = Listings.pagesV2(s3,
                ListObjectsV2Request.builder().bucket(BUCKET).startAfter("f07/k049.txt").build());

        assertEquals(KEYS.subList(KEYS.indexOf("f07/k049.txt") + 1, KEYS.size()), Listings.entriesV2(pages));
    }

    @Test
    void everyListedSizeMatchesItsFile() {
        List<S3Object> objects = Listings.pagesV2(s3, ListObjectsV2Request.builder().bucket(BUCKET).prefix("f14/").build())
                .getFirst().contents();

        objects.forEach(o -> assertEquals(o.key().length(), o.size(), o.key()));
    }
}
