package dev.cubby.s3.xml;

import dev.cubby.s3.HttpDates;
import dev.cubby.s3.ResponseHeaders;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * ListObjects (V1) and ListObjectsV2 answers; the two differ only in their paging elements.
 * Keys and prefixes pass through {@code encode}, which URL-encodes them for encoding-type=url.
 */
public record ListBucketResult(boolean v2, String bucket, String prefix, String delimiter, int maxKeys,
                               boolean truncated, String encodingType, Paging paging, List<Content> contents,
                               List<String> commonPrefixes, java.util.function.Function<String, Owner> ownerOf,
                               UnaryOperator<String> encode)
        implements XmlDocument {

    /** Every listed object names the same {@code owner}, or none when null. */
    public ListBucketResult(boolean v2, String bucket, String prefix, String delimiter, int maxKeys, boolean truncated,
                            String encodingType, Paging paging, List<Content> contents, List<String> commonPrefixes,
                            Owner owner, UnaryOperator<String> encode) {
        this(v2, bucket, prefix, delimiter, maxKeys, truncated, encodingType, paging, contents, commonPrefixes,
                owner == null ? null : key -> owner, encode);
    }

    /**
     * One listed object; {@code checksumAlgorithm} is null when the object keeps no checksum.
     * Its owner ({@code ownerOf} the key) is written in each when {@code ownerOf} is not null.
     */
    public record Content(String key, Instant lastModified, String etag, String checksumAlgorithm, long size) {
    }

    /** V1: marker and next marker. V2: continuation tokens and start-after. Nulls are omitted. */
    public record Paging(String marker, String nextMarker, String continuationToken,
                         String nextContinuationToken, String startAfter) {
    }

    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("ListBucketResult")
                .element("Name", bucket)
                // V1 sends its Prefix as given even for encoding-type=url, as S3 does (SDKs decode it in V2 only).
                .element("Prefix", v2 ? encode.apply(prefix) : prefix);
        if (v2) {
            xml.element("ContinuationToken", paging.continuationToken())
                    .element("NextContinuationToken", paging.nextContinuationToken())
                    .element("StartAfter", paging.startAfter() == null ? null : encode.apply(paging.startAfter()))
                    .element("KeyCount", contents.size() + commonPrefixes.size());
        } else {
            xml.element("Marker", paging.marker() == null ? "" : encode.apply(paging.marker()))
                    .element("NextMarker", paging.nextMarker() == null ? null : encode.apply(paging.nextMarker()));
        }
        xml.element("MaxKeys", maxKeys)
                .element("Delimiter", delimiter == null ? null : encode.apply(delimiter))
                .element("EncodingType", encodingType)
                .element("IsTruncated", truncated);
        for (Content content : contents) {
            xml.start("Contents")
                    .element("Key", encode.apply(content.key()))
                    .element("LastModified", HttpDates.xml(content.lastModified()))
                    .element("ETag", ResponseHeaders.quoted(content.etag()))
                    // S3's order: ChecksumAlgorithm between ETag and Size.
                    .element("ChecksumAlgorithm", content.checksumAlgorithm())
                    .element("Size", content.size())
                    .element("StorageClass", "STANDARD");
            if (ownerOf != null) {
                ownerOf.apply(content.key()).writeTo(xml);
            }
            xml.end();
        }
        for (String commonPrefix : commonPrefixes) {
            xml.start("CommonPrefixes").element("Prefix", encode.apply(commonPrefix)).end();
        }
        xml.end();
    }
}
