package dev.cubby.auth;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * When the client says it signed the request.
 *
 * @param instant the signing time
 * @param amzDate the same time in ISO 8601 basic form ({@code 20130524T000000Z}) exactly as it
 *                goes into the string to sign
 */
record RequestTime(Instant instant, String amzDate) {
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                    .withResolverStyle(ResolverStyle.STRICT);

    /** Parses an {@code x-amz-date} / {@code X-Amz-Date} value; empty if it is not in that form. */
    static Optional<RequestTime> parseAmzDate(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        try {
            return Optional.of(new RequestTime(Instant.from(AMZ_DATE.parse(trimmed)), trimmed));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses an HTTP {@code Date} header (RFC 1123), the fallback when {@code x-amz-date} is
     * absent; the string to sign then carries the same instant in basic form.
     */
    static Optional<RequestTime> parseHttpDate(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            Instant instant = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim()));
            return Optional.of(new RequestTime(instant, AMZ_DATE.format(instant)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The day, {@code yyyymmdd}, which the credential scope date must equal. */
    String day() {
        return amzDate.substring(0, 8);
    }
}
