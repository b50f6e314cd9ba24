package dev.cubby.auth;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
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
        // By hand, not with a DateTimeFormatter: this runs on every request and the form is fixed.
        if (trimmed.length() != 16 || trimmed.charAt(8) != 'T' || trimmed.charAt(15) != 'Z') {
            return Optional.empty();
        }
        int year = digits(trimmed, 0, 4);
        int month = digits(trimmed, 4, 6);
        int day = digits(trimmed, 6, 8);
        int hour = digits(trimmed, 9, 11);
        int minute = digits(trimmed, 11, 13);
        int second = digits(trimmed, 13, 15);
        if (Math.min(Math.min(year, month), Math.min(Math.min(day, hour), Math.min(minute, second))) < 0) {
            return Optional.empty();
        }
        try {
            Instant instant = LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
            return Optional.of(new RequestTime(instant, trimmed));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The number written by the ASCII digits text[from, to), or -1 when any is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
