package dev.cubby.s3.xml;

import dev.cubby.checksum.ChecksumType;
import dev.cubby.s3.HttpDates;
import dev.cubby.s3.ResponseHeaders;
import java.time.Instant;

/**
 * CopyObject's answer. The checksum element is named after its algorithm and written with its
 * type only when one was kept (null algorithm: none).
 */
public record CopyObjectResult(String etag, Instant lastModified, String checksumAlgorithm, String checksumValue)
        implements XmlDocument {
    @Override
    public void writeTo(XmlWriter xml) {
        xml.startRoot("CopyObjectResult")
                .element("LastModified", HttpDates.xml(lastModified))
                .element("ETag", ResponseHeaders.quoted(etag));
        if (checksumAlgorithm != null) {
            xml.element("ChecksumType", ChecksumType.FULL_OBJECT.name()).element("Checksum" + checksumAlgorithm, checksumValue);
        }
        xml.end();
    }
}
