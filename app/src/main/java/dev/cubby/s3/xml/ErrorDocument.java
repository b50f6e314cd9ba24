package dev.cubby.s3.xml;

import dev.cubby.error.S3ErrorCode;

/** {@code <Error>} as S3 sends it (no namespace). */
public record ErrorDocument(S3ErrorCode code, String message, String resource, String requestId)
        implements XmlDocument {
    @Override
    public void writeTo(XmlWriter xml) {
        xml.start("Error")
                .element("Code", code.wireCode())
                .element("Message", message)
                .element("Resource", resource)
                .element("RequestId", requestId)
                .end();
    }
}
