package dev.cubby.s3.xml;

import dev.cubby.meta.StoredChecksum;

/**
 * GetObjectAttributes' answer: only the attributes asked for, each null when not asked for (or,
 * for the checksum and the parts, when the object has none). The ETag goes unquoted, as S3 sends
 * it in this document alone.
 */
public record GetObjectAttributesResponse(String etag, StoredChecksum checksum, Integer partsCount,
                                          String storageClass, Long objectSize) implements XmlDocument {
    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("GetObjectAttributesResponse").element("ETag", etag);
        if (checksum != null) {
            xml.start("Checksum")
                    .element("Checksum" + checksum.algorithm(), checksum.value())
                    .element("ChecksumType", checksum.type().name())
                    .end();
        }
        if (partsCount != null) {
            // S3's TotalPartsCount travels as <PartsCount>.
            xml.start("ObjectParts").element("PartsCount", partsCount).end();
        }
        xml.element("StorageClass", storageClass).element("ObjectSize", objectSize).end();
    }
}
