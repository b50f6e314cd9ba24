package dev.cubby.s3.xml;

import dev.cubby.s3.ResponseHeaders;

/** CompleteMultipartUpload's answer; the checksum element is named after its algorithm (null: none). */
public record CompleteMultipartUploadResult(String location, String bucket, String key, String etag,
                                            String checksumAlgorithm, String checksumValue, String checksumType)
        implements XmlDocument {
    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("CompleteMultipartUploadResult").element("Location", location).element("Bucket", bucket)
                .element("Key", key).element("ETag", ResponseHeaders.quoted(etag));
        if (checksumAlgorithm != null) {
            xml.element("Checksum" + checksumAlgorithm, checksumValue).element("ChecksumType", checksumType);
        }
        xml.end();
    }
}
