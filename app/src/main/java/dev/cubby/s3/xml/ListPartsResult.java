package dev.cubby.s3.xml;

import dev.cubby.meta.UploadedPart;
import dev.cubby.s3.HttpDates;
import dev.cubby.s3.ResponseHeaders;
import java.util.List;

/** ListParts' answer: one page of parts after {@code partNumberMarker}. */
public record ListPartsResult(String bucket, String key, String uploadId, int partNumberMarker,
                              Integer nextPartNumberMarker, int maxParts, boolean truncated, List<UploadedPart> parts,
                              String checksumAlgorithm, Owner owner) implements XmlDocument {
    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("ListPartsResult").element("Bucket", bucket).element("Key", key).element("UploadId", uploadId);
        xml.start("Initiator").element("ID", owner.id()).element("DisplayName", owner.displayName()).end();
        owner.writeTo(xml);
        xml.element("StorageClass", "STANDARD")
                .element("PartNumberMarker", partNumberMarker)
                .element("NextPartNumberMarker", nextPartNumberMarker)
                .element("MaxParts", maxParts)
                .element("IsTruncated", truncated)
                .element("ChecksumAlgorithm", checksumAlgorithm);
        for (UploadedPart part : parts) {
            xml.start("Part").element("PartNumber", part.partNumber())
                    .element("LastModified", HttpDates.xml(part.lastModified()))
                    .element("ETag", ResponseHeaders.quoted(part.etag()))
                    .element("Size", part.size());
            if (checksumAlgorithm != null && part.checksum() != null) {
                xml.element("Checksum" + checksumAlgorithm, part.checksum());
            }
            xml.end();
        }
        xml.end();
    }
}
