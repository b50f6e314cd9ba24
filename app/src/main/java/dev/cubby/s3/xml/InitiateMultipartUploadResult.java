package dev.cubby.s3.xml;

/** CreateMultipartUpload's answer. */
public record InitiateMultipartUploadResult(String bucket, String key, String uploadId) implements XmlDocument {
    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("InitiateMultipartUploadResult").element("Bucket", bucket).element("Key", key)
                .element("UploadId", uploadId).end();
    }
}
