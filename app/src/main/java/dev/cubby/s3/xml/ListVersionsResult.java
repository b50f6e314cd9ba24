package dev.cubby.s3.xml;

import dev.cubby.s3.HttpDates;
import dev.cubby.s3.ResponseHeaders;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * ListObjectVersions' answer (root element {@code ListVersionsResult}). Cubby lists no delete
 * markers: it keeps no versions, so nothing is ever hidden behind one. Keys, prefixes, the
 * delimiter and key markers pass through {@code encode}, which URL-encodes them for
 * encoding-type=url; null values are omitted, except the two markers, which S3 always sends.
 */
public record ListVersionsResult(String bucket, String prefix, String delimiter, int maxKeys, boolean truncated,
                                 String encodingType, Markers markers, List<Version> versions,
                                 List<String> commonPrefixes, java.util.function.Function<String, Owner> ownerOf,
                                 UnaryOperator<String> encode)
        implements XmlDocument {

    /** Every version names the same {@code owner}. */
    public ListVersionsResult(String bucket, String prefix, String delimiter, int maxKeys, boolean truncated,
                              String encodingType, Markers markers, List<Version> versions,
                              List<String> commonPrefixes, Owner owner, UnaryOperator<String> encode) {
        this(bucket, prefix, delimiter, maxKeys, truncated, encodingType, markers, versions, commonPrefixes,
                key -> owner, encode);
    }

    /** Where this page starts (as asked) and where the next one does (when truncated). */
    public record Markers(String keyMarker, String versionIdMarker, String nextKeyMarker, String nextVersionIdMarker) {
    }

    /** One object version; {@code checksumAlgorithm} is null when the object keeps no checksum. */
    public record Version(String key, String versionId, boolean latest, Instant lastModified, String etag, long size,
                          String checksumAlgorithm) {
    }

    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("ListVersionsResult")
                .element("Name", bucket)
                .element("Prefix", encode.apply(prefix))
                .element("KeyMarker", markers.keyMarker() == null ? "" : encode.apply(markers.keyMarker()))
                .element("VersionIdMarker", markers.versionIdMarker() == null ? "" : markers.versionIdMarker())
                .element("NextKeyMarker", markers.nextKeyMarker() == null ? null : encode.apply(markers.nextKeyMarker()))
                .element("NextVersionIdMarker", markers.nextVersionIdMarker())
                .element("MaxKeys", maxKeys)
                .element("Delimiter", delimiter == null ? null : encode.apply(delimiter))
                .element("EncodingType", encodingType)
                .element("IsTruncated", truncated);
        for (Version version : versions) {
            xml.start("Version")
                    .element("Key", encode.apply(version.key()))
                    .element("VersionId", version.versionId())
                    .element("IsLatest", version.latest())
                    .element("LastModified", HttpDates.xml(version.lastModified()))
                    .element("ETag", ResponseHeaders.quoted(version.etag()))
                    .element("ChecksumAlgorithm", version.checksumAlgorithm())
                    .element("Size", version.size())
                    .element("StorageClass", "STANDARD");
            ownerOf.apply(version.key()).writeTo(xml);
            xml.end();
        }
        for (String commonPrefix : commonPrefixes) {
            xml.start("CommonPrefixes").element("Prefix", encode.apply(commonPrefix)).end();
        }
        xml.end();
    }
}
