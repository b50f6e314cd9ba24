package dev.cubby.s3.form;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * One part of a form: the field {@code name} and, for a file input, the {@code filename} from its
 * Content-Disposition (null when it has none), its Content-Type (null when absent), and its
 * content, readable once.
 */
public record FormPart(String name, String filename, String contentType, InputStream body) {

    static FormPart of(Map<String, String> headers, InputStream body) {
        String disposition = headers.get("content-disposition");
        if (disposition == null) {
            throw FormReader.malformed("a part has no Content-Disposition header.");
        }
        Map<String, String> parameters = DispositionParameters.parse(disposition);
        String name = parameters.get("name");
        if (!disposition.trim().toLowerCase(Locale.ROOT).startsWith("form-data") || name == null) {
            throw FormReader.malformed("each part needs Content-Disposition: form-data; name=\"...\".");
        }
        return new FormPart(name, parameters.get("filename"), headers.get("content-type"), body);
    }
}
