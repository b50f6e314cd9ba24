package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * x-amz-copy-source-range of UploadPartCopy: exactly {@code bytes=first-last}, inside the source.
 * Unlike a GET's Range, S3 refuses rather than ignores a malformed or out-of-bounds one.
 */
record CopySourceRange(long first, long length) {
    private static final Pattern FORM = Pattern.compile("bytes=(\\d+)-(\\d+)");

    static CopySourceRange parse(String header, long size) {
        if (header == null) {
            return new CopySourceRange(0, size);
        }
        Matcher m = FORM.matcher(header.trim());
        if (!m.matches()) {
            throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "x-amz-copy-source-range must look like bytes=first-last.");
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        if (last < first || last >= size) {
            throw S3Exception.of(S3ErrorCode.INVALID_RANGE, "The x-amz-copy-source-range " + header.trim()
                    + " does not lie within the " + size + "-byte source object.");
        }
        return new CopySourceRange(first, last - first + 1);
    }
}
