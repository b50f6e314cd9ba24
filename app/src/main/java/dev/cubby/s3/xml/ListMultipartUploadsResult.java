package dev.cubby.s3.xml;

import dev.cubby.meta.MultipartUpload;
import dev.cubby.s3.HttpDates;
import java.util.List;

/** ListMultipartUploads' answer; {@code owners} names who started each upload, by upload id. */
public record ListMultipartUploadsResult(String bucket, String keyMarker, String uploadIdMarker, String nextKeyMarker,
                                         String nextUploadIdMarker, String prefix, String delimiter, int maxUploads,
                                         boolean truncated, List<MultipartUpload> uploads, List<String> commonPrefixes,
                                         java.util.Map<String, Owner> owners) implements XmlDocument {
    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("ListMultipartUploadsResult").element("Bucket", bucket)
                .element("KeyMarker", keyMarker == null ? "" : keyMarker)
                .element("UploadIdMarker", uploadIdMarker == null ? "" : uploadIdMarker)
                .element("NextKeyMarker", nextKeyMarker)
                .element("NextUploadIdMarker", nextUploadIdMarker)
                .element("Prefix", prefix == null ? "" : prefix)
                .element("Delimiter", delimiter)
                .element("MaxUploads", maxUploads)
                .element("IsTruncated", truncated);
        for (MultipartUpload upload : uploads) {
            xml.start("Upload").element("Key", upload.key()).element("UploadId", upload.uploadId());
            Owner owner = owners.get(upload.uploadId());
            xml.start("Initiator").element("ID", owner.id()).element("DisplayName", owner.displayName()).end();
            owner.writeTo(xml);
            xml.element("StorageClass", "STANDARD").element("Initiated", HttpDates.xml(upload.initiated()))
                    .element("ChecksumAlgorithm", upload.checksumAlgorithm());
            xml.end();
        }
        for (String commonPrefix : commonPrefixes) {
            xml.start("CommonPrefixes").element("Prefix", commonPrefix).end();
        }
        xml.end();
    }
}
