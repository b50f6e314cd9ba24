package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.store.MultipartStore;

/**
 * The one reading of whole-number request values ({@code max-keys}, {@code max-parts},
 * {@code max-uploads}, {@code part-number-marker}, part numbers): decimal digits, surrounding
 * white space allowed, within the int range; anything else is InvalidArgument naming the value.
 */
final class WholeNumberParameter {
    private WholeNumberParameter() {
    }

    /** A count or marker of 0 or more; {@code fallback} when the parameter is absent or empty. */
    static int nonNegative(String value, int fallback, String name) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        Integer n = within(value, 0, Integer.MAX_VALUE);
        if (n == null) {
            throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT,
                    name + " must be a whole number from 0 to " + Integer.MAX_VALUE + ".");
        }
        return n;
    }

    /** A part number, 1 to {@link MultipartStore#MAX_PARTS}; it has no default. */
    static int partNumber(String value) {
        Integer n = value == null ? null : within(value, 1, MultipartStore.MAX_PARTS);
        if (n == null) {
            throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "Part number must be an integer between 1 and "
                    + MultipartStore.MAX_PARTS + ", inclusive.");
        }
        return n;
    }

    private static Integer within(String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            return n >= min && n <= max ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
