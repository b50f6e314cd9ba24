package dev.cubby.auth;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;

/**
 * The line that opens an aws-chunked chunk: {@code <hex size>[;chunk-signature=<sig>]}.
 * Whitespace around the parts is tolerated and unknown extensions are ignored, as in HTTP
 * chunked encoding.
 *
 * @param size      the number of data bytes that follow
 * @param signature the {@code chunk-signature}, {@code null} when the chunk has none
 */
record ChunkHeader(long size, String signature) {

    /** Parses the header line of chunk {@code number} (1-based, for the message). */
    static ChunkHeader parse(String line, long number) {
        String[] parts = line.split(";", -1);
        String sizeText = parts[0].trim();
        if (!sizeText.matches("[0-9a-fA-F]+")) {
            throw malformed(number, line, "does not start with the chunk size in hex");
        }
        String digits = sizeText.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 15) {
            throw malformed(number, line, "declares an impossibly large chunk size");
        }
        String signature = null;
        for (int i = 1; i < parts.length; i++) {
            String extension = parts[i].trim();
            int equals = extension.indexOf('=');
            String name = (equals < 0 ? extension : extension.substring(0, equals)).trim();
            if (name.equalsIgnoreCase("chunk-signature")) {
                signature = equals < 0 ? "" : extension.substring(equals + 1).trim();
            }
        }
        return new ChunkHeader(Long.parseLong(digits, 16), signature);
    }

    private static S3Exception malformed(long number, String line, String problem) {
        String shown = line.length() > 80 ? line.substring(0, 80) + "..." : line;
        return S3Exception.of(S3ErrorCode.INVALID_REQUEST, "The aws-chunked body is malformed: the header of chunk "
                + number + " (\"" + shown + "\") " + problem + "; expected \"<hex-size>;chunk-signature=<signature>\".");
    }
}
