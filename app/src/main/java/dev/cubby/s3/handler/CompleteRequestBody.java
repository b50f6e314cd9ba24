package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.ResponseHeaders;
import dev.cubby.s3.xml.SafeXmlReader;
import dev.cubby.s3.xml.XmlElement;
import dev.cubby.store.CompletedPart;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code <CompleteMultipartUpload>}: part numbers and ETags, quotes removed. */
final class CompleteRequestBody {
    /** 10,000 parts of about 150 bytes each, with room to spare. */
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    private CompleteRequestBody() {
    }

    static List<CompletedPart> parse(InputStream body) {
        XmlElement root = SafeXmlReader.parse(body, MAX_BYTES);
        if (!root.name().equals("CompleteMultipartUpload")) {
            throw S3Exception.of(S3ErrorCode.MALFORMED_XML, "Expected <CompleteMultipartUpload>, found <" + root.name() + ">.");
        }
        var parts = new ArrayList<CompletedPart>();
        for (XmlElement part : root.childrenNamed("Part")) {
            String number = part.childText("PartNumber").orElseThrow(() ->
                    S3Exception.of(S3ErrorCode.MALFORMED_XML, "Each <Part> needs a <PartNumber>."));
            String etag = part.childText("ETag").orElseThrow(() ->
                    S3Exception.of(S3ErrorCode.MALFORMED_XML, "Each <Part> needs an <ETag>."));
            parts.add(new CompletedPart(WholeNumberParameter.partNumber(number), unquote(etag.trim())));
        }
        if (parts.isEmpty()) {
            throw S3Exception.of(S3ErrorCode.MALFORMED_XML, "CompleteMultipartUpload must name at least one part.");
        }
        return parts;
    }

    /** Some clients escape the quotes twice, so a literal &quot; can survive XML decoding. */
    private static String unquote(String etag) {
        return ResponseHeaders.unquoted(etag).replace("&quot;", "");
    }
}
