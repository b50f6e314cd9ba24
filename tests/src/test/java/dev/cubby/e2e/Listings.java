package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Walking every page of a listing, and a bucket whose keys test byte order. */
public final class Listings {
    /** A bucket whose keys sort differently by bytes than by folder walk or by locale. */
    public static final String SORTED = "sorted";
    public static final List<String> SORTED_KEYS = List.of(
            "a0", "a/c", "a-b", "a.txt", "a/b/d", "a/b/e f", "B", "z z", "é", "ß/x");

    private static final int MAX_PAGES = 1_000;

    private Listings() {
    }

    public static void writeSortedBucket(Path root) throws IOException {
        for (String key : SORTED_KEYS) {
            FixtureTree.put(root, SORTED, key, key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Every page of a V2 listing, following continuation tokens. */
    public static List<ListObjectsV2Response> pagesV2(S3Client s3, ListObjectsV2Request first) {
        List<ListObjectsV2Response> pages = new ArrayList<>();
        String token = null;
        while (pages.size() < MAX_PAGES) {
            ListObjectsV2Response page = s3.listObjectsV2(first.toBuilder().continuationToken(token).build());
            pages.add(page);
            if (!page.isTruncated()) {
                return pages;
            }
            token = page.nextContinuationToken();
            assertNotNull(token, "a truncated V2 page carries NextContinuationToken");
        }
        return fail("no end after " + MAX_PAGES + " pages");
    }

    /** Every page of a V1 listing, following NextMarker, or the last entry when there is none. */
    public static List<ListObjectsResponse> pagesV1(S3Client s3, ListObjectsRequest first) {
        List<ListObjectsResponse> pages = new ArrayList<>();
        String marker = first.marker();
        while (pages.size() < MAX_PAGES) {
            ListObjectsResponse page = s3.listObjects(first.toBuilder().marker(marker).build());
            pages.add(page);
            if (!page.isTruncated()) {
                return pages;
            }
            if (first.delimiter() != null) {
                assertNotNull(page.nextMarker(), "a truncated V1 page with a delimiter carries NextMarker");
            }
            List<String> entries = entries(page.contents(), page.commonPrefixes());
            marker = page.nextMarker() != null ? page.nextMarker() : entries.getLast();
        }
        return fail("no end after " + MAX_PAGES + " pages");
    }

    /**
     * Every page of a ListObjectVersions listing, following NextKeyMarker and NextVersionIdMarker
     * as the SDKs' paginators do.
     */
    public static List<ListObjectVersionsResponse> pagesVersions(S3Client s3, ListObjectVersionsRequest first) {
        List<ListObjectVersionsResponse> pages = new ArrayList<>();
        String keyMarker = first.keyMarker();
        String versionIdMarker = first.versionIdMarker();
        while (pages.size() < MAX_PAGES) {
            ListObjectVersionsResponse page = s3.listObjectVersions(first.toBuilder()
                    .keyMarker(keyMarker).versionIdMarker(versionIdMarker).build());
            pages.add(page);
            if (!page.isTruncated()) {
                return pages;
            }
            keyMarker = page.nextKeyMarker();
            versionIdMarker = page.nextVersionIdMarker();
            assertNotNull(keyMarker, "a truncated versions page carries NextKeyMarker");
        }
        return fail("no end after " + MAX_PAGES + " pages");
    }

    /** A page's keys and common prefixes merged in S3's order. */
    public static List<String> entries(List<S3Object> contents, List<CommonPrefix> prefixes) {
        return Stream.concat(contents.stream().map(S3Object::key), prefixes.stream().map(CommonPrefix::prefix))
                .sorted(Keys.UTF8_ORDER).toList();
    }

    public static List<String> entriesV2(List<ListObjectsV2Response> pages) {
        return pages.stream().flatMap(p -> entries(p.contents(), p.commonPrefixes()).stream()).toList();
    }

    public static List<String> entriesV1(List<ListObjectsResponse> pages) {
        return pages.stream().flatMap(p -> entries(p.contents(), p.commonPrefixes()).stream()).toList();
    }

    public static List<String> entriesVersions(List<ListObjectVersionsResponse> pages) {
        return pages.stream().flatMap(p -> Stream.concat(p.versions().stream().map(ObjectVersion::key),
                p.commonPrefixes().stream().map(CommonPrefix::prefix)).sorted(Keys.UTF8_ORDER)).toList();
    }

    public static List<String> keys(ListObjectsV2Response page) {
        return page.contents().stream().map(S3Object::key).toList();
    }

    public static List<String> prefixes(ListObjectsV2Response page) {
        return page.commonPrefixes().stream().map(CommonPrefix::prefix).toList();
    }
}
