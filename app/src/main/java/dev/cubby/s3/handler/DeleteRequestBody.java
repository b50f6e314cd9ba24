package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.xml.SafeXmlReader;
import dev.cubby.s3.xml.XmlElement;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads DeleteObjects' {@code <Delete>} body: 1 to 1000 {@code <Object>} entries, each a
 * {@code <Key>} and an optional {@code <VersionId>}, and the optional {@code <Quiet>}. Keys and
 * version IDs are taken exactly as sent, spaces included, so that deleting {@code "a "} can never
 * delete {@code "a"}.
 */
record DeleteRequestBody(boolean quiet, List<ObjectIdentifier> objects) {
    static final int MAX_KEYS = 1000;
    /** 1000 keys of up to 1024 bytes each, escaped, with room to spare. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    /** One {@code <Object>}: its key, and the version named, or null when none is. */
    record ObjectIdentifier(String key, String versionId) {
    }

    DeleteRequestBody {
        objects = List.copyOf(objects);
    }

    static DeleteRequestBody parse(byte[] body) {
        XmlElement root = SafeXmlReader.parse(new ByteArrayInputStream(body), MAX_BYTES);
        if (!root.name().equals("Delete")) {
            throw S3Exception.of(S3ErrorCode.MALFORMED_XML, "Expected <Delete>, found <" + root.name() + ">.");
        }
        List<XmlElement> objects = root.childrenNamed("Object");
        if (objects.isEmpty()) {
            throw S3Exception.of(S3ErrorCode.MALFORMED_XML, "<Delete> must name at least one <Object>.");
        }
        if (objects.size() > MAX_KEYS) {
            throw S3Exception.of(S3ErrorCode.MALFORMED_XML, "<Delete> names " + objects.size()
                    + " objects; at most " + MAX_KEYS + " may be deleted in one request.");
        }
        var identifiers = new ArrayList<ObjectIdentifier>(objects.size());
        for (XmlElement object : objects) {
            String key = object.childRawText("Key").orElseThrow(() ->
                    S3Exception.of(S3ErrorCode.MALFORMED_XML, "Each <Object> needs a <Key>."));
            identifiers.add(new ObjectIdentifier(key, object.childRawText("VersionId").orElse(null)));
        }
        String quiet = root.childText("Quiet").orElse("false").toLowerCase(Locale.ROOT);
        if (!quiet.equals("true") && !quiet.equals("false")) {
            throw S3Exception.of(S3ErrorCode.MALFORMED_XML, "<Quiet> must be true or false.");
        }
        return new DeleteRequestBody(quiet.equals("true"), identifiers);
    }
}
