package dev.cubby.s3.xml;

import dev.cubby.s3.HttpDates;
import dev.cubby.s3.ResponseHeaders;
import java.time.Instant;

/** UploadPartCopy's answer; the part's checksum element is written when the upload keeps one. */
public record CopyPartResult(String etag, Instant lastModified, String checksumAlgorithm, String checksumValue)
        implements XmlDocument {
    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("CopyPartResult")
                .element("LastModified", HttpDates.xml(lastModified))
                .element("ETag", ResponseHeaders.quoted(etag));
        if (checksumAlgorithm != null && checksumValue != null) {
            xml.element("Checksum" + checksumAlgorithm, checksumValue);
        }
        xml.end();
    }
}
