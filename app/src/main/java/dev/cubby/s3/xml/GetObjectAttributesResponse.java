package dev.cubby.s3.xml;

import dev.cubby.meta.StoredChecksum;
import dev.cubby.meta.UploadedPart;
import java.util.List;

/**
 * GetObjectAttributes' answer: only the attributes asked for, each null when not asked for (or,
 * for the checksum and the parts, when the object has none). The ETag goes unquoted, as S3 sends
 * it in this document alone.
 */
public record GetObjectAttributesResponse(String etag, StoredChecksum checksum, ObjectParts objectParts,
                                          String storageClass, Long objectSize) implements XmlDocument {

    /**
     * The object's parts: their count, and one page of them after {@code partNumberMarker} when
     * their sizes are known ({@code page} null when not, so only the count is sent).
     *
     * @param checksumAlgorithm the algorithm of the parts' checksums, null when none is kept
     */
    public record ObjectParts(int totalPartsCount, int partNumberMarker, Integer nextPartNumberMarker, int maxParts,
                              boolean truncated, List<UploadedPart> page, String checksumAlgorithm) {

        /** Only the count: the parts' sizes are not known. */
        public static ObjectParts countOnly(int totalPartsCount) {
            return new ObjectParts(totalPartsCount, 0, null, 0, false, null, null);
        }

        void writeTo(XmlWriter xml) {
            xml.start("ObjectParts");
            if (page != null) {
                xml.element("IsTruncated", truncated).element("MaxParts", maxParts)
                        .element("NextPartNumberMarker", nextPartNumberMarker)
                        .element("PartNumberMarker", partNumberMarker);
                for (UploadedPart part : page) {
                    xml.start("Part");
                    if (checksumAlgorithm != null && part.checksum() != null) {
                        xml.element("Checksum" + checksumAlgorithm, part.checksum());
                    }
                    xml.element("PartNumber", part.partNumber()).element("Size", part.size()).end();
                }
            }
            // S3's TotalPartsCount travels as <PartsCount>.
            xml.element("PartsCount", totalPartsCount).end();
        }
    }

    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("GetObjectAttributesResponse").element("ETag", etag);
        if (checksum != null) {
            xml.start("Checksum")
                    .element("Checksum" + checksum.algorithm(), checksum.value())
                    .element("ChecksumType", checksum.type().name())
                    .end();
        }
        if (objectParts != null) {
            objectParts.writeTo(xml);
        }
        xml.element("StorageClass", storageClass).element("ObjectSize", objectSize).end();
    }
}
