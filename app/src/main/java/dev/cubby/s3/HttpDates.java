package dev.cubby.s3;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** Dates as S3 writes them: RFC 1123 in headers, ISO 8601 with milliseconds in XML. */
public final class HttpDates {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    public static String header(Instant instant) {
        return RFC_1123.format(instant);
    }

    public static String xml(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    /** Parses an HTTP date (RFC 1123); an unparseable one is treated as absent, as HTTP says. */
    public static Optional<Instant> parseHeader(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim(), Instant::from));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** HTTP dates have whole seconds, so comparisons use the object's time truncated to seconds. */
    public static Instant toSeconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
