package dev.cubby.s3.form;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A browser POST upload as read up to its file: the fields before the {@code file} field, by
 * lower-case name (S3 matches field names without regard to case), and the file part itself,
 * whose content is still unread. Fields after the file are never read, as in S3.
 *
 * @param fields the fields before the file, lower-case names, in form order
 * @param file   the file part; its body streams the upload
 */
public record PostForm(Map<String, String> fields, FormPart file) {
    /** The fields before the file, headers and values together, at most (S3 allows 20 KiB too). */
    public static final int MAX_FIELD_BYTES = 20 * 1024;
    private static final String FILE_FIELD = "file";

    public PostForm {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * Reads the fields of a {@code multipart/form-data} body up to its file.
     *
     * @throws S3Exception MalformedPOSTRequest for broken framing, MaxPostPreDataLengthExceededError
     *                     when the fields are too large, InvalidArgument for a form without a file or
     *                     with a field twice
     */
    public static PostForm read(InputStream body, String contentType) {
        var reader = new FormReader(body, FormReader.boundary(contentType));
        var fields = new LinkedHashMap<String, String>();
        long budget = MAX_FIELD_BYTES;
        try {
            FormPart part;
            while ((part = reader.next()) != null) {
                String name = part.name().toLowerCase(Locale.ROOT);
                if (name.equals(FILE_FIELD)) {
                    return new PostForm(fields, part);
                }
                budget -= name.length() + (part.filename() == null ? 0 : part.filename().length());
                byte[] value = part.body().readNBytes((int) Math.max(budget + 1, 0));
                budget -= value.length;
                if (budget < 0) {
                    throw S3Exception.of(S3ErrorCode.MAX_POST_PRE_DATA_LENGTH_EXCEEDED, "Your POST request fields "
                            + "preceding the upload file were too large: at most " + MAX_FIELD_BYTES
                            + " bytes of fields may come before the 'file' field.");
                }
                if (fields.putIfAbsent(name, new String(value, StandardCharsets.UTF_8)) != null) {
                    throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "The form field '" + part.name()
                            + "' appears more than once; send each field once.");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "POST requires exactly one file upload per request: "
                + "the form has no field named 'file' (it must come after the other fields).");
    }

    /** A field's value by lower-case name, or null. */
    public String field(String lowerCaseName) {
        return fields.get(lowerCaseName);
    }
}
