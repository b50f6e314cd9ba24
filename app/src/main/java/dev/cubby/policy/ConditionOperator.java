package dev.cubby.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The condition operators Cubby evaluates, by their IAM names (without the {@code IfExists}
 * suffix and the {@code ForAnyValue:}/{@code ForAllValues:} prefix, which {@link Condition}
 * handles). A negated operator ({@code StringNotEquals}, {@code NotIpAddress}...) holds for a
 * request value that matches none of the policy's values; the others for one that matches any.
 * {@code Null} is handled by {@link Condition}: it asks whether the key is absent.
 */
enum ConditionOperator {
    STRING_EQUALS("StringEquals", false, Kind.STRING, String::equals),
    STRING_NOT_EQUALS("StringNotEquals", true, Kind.STRING, String::equals),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false, Kind.STRING, String::equalsIgnoreCase),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true, Kind.STRING, String::equalsIgnoreCase),
    STRING_LIKE("StringLike", false, Kind.STRING, (value, pattern) -> Wildcard.exact(pattern).matches(value)),
    STRING_NOT_LIKE("StringNotLike", true, Kind.STRING, (value, pattern) -> Wildcard.exact(pattern).matches(value)),
    NUMERIC_EQUALS("NumericEquals", false, Kind.NUMBER, numeric(c -> c == 0)),
    NUMERIC_NOT_EQUALS("NumericNotEquals", true, Kind.NUMBER, numeric(c -> c == 0)),
    NUMERIC_LESS_THAN("NumericLessThan", false, Kind.NUMBER, numeric(c -> c < 0)),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", false, Kind.NUMBER, numeric(c -> c <= 0)),
    NUMERIC_GREATER_THAN("NumericGreaterThan", false, Kind.NUMBER, numeric(c -> c > 0)),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", false, Kind.NUMBER, numeric(c -> c >= 0)),
    DATE_EQUALS("DateEquals", false, Kind.DATE, date(c -> c == 0)),
    DATE_NOT_EQUALS("DateNotEquals", true, Kind.DATE, date(c -> c == 0)),
    DATE_LESS_THAN("DateLessThan", false, Kind.DATE, date(c -> c < 0)),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", false, Kind.DATE, date(c -> c <= 0)),
    DATE_GREATER_THAN("DateGreaterThan", false, Kind.DATE, date(c -> c > 0)),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", false, Kind.DATE, date(c -> c >= 0)),
    BOOL("Bool", false, Kind.BOOLEAN, String::equalsIgnoreCase),
    IP_ADDRESS("IpAddress", false, Kind.CIDR, (value, cidr) -> Cidr.parse(cidr).contains(value)),
    NOT_IP_ADDRESS("NotIpAddress", true, Kind.CIDR, (value, cidr) -> Cidr.parse(cidr).contains(value)),
    ARN_EQUALS("ArnEquals", false, Kind.STRING, (value, pattern) -> Wildcard.exact(pattern).matches(value)),
    ARN_LIKE("ArnLike", false, Kind.STRING, (value, pattern) -> Wildcard.exact(pattern).matches(value)),
    ARN_NOT_EQUALS("ArnNotEquals", true, Kind.STRING, (value, pattern) -> Wildcard.exact(pattern).matches(value)),
    ARN_NOT_LIKE("ArnNotLike", true, Kind.STRING, (value, pattern) -> Wildcard.exact(pattern).matches(value)),
    NULL("Null", false, Kind.BOOLEAN, (value, expected) -> false);

    /** What a policy value of the operator must look like; checked when the policy is put. */
    enum Kind {
        STRING("a string"),
        NUMBER("a number"),
        DATE("a date (ISO 8601, e.g. 2026-12-31T23:59:59Z, or seconds since 1970)"),
        BOOLEAN("true or false"),
        CIDR("an IP address or CIDR block (e.g. 192.0.2.0/24 or 2001:db8::/32)");

        final String expected;

        Kind(String expected) {
            this.expected = expected;
        }
    }

    private static final Map<String, ConditionOperator> BY_NAME = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(op -> op.policyName.toLowerCase(Locale.ROOT), op -> op));

    final String policyName;
    final boolean negated;
    final Kind kind;
    private final BiPredicate<String, String> matches;

    ConditionOperator(String policyName, boolean negated, Kind kind, BiPredicate<String, String> matches) {
        this.policyName = policyName;
        this.negated = negated;
        this.kind = kind;
        this.matches = matches;
    }

    /** The operator named so (IAM compares operator names without case), or null. */
    static ConditionOperator named(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether one request value satisfies the operator against the policy's values. */
    boolean holdsFor(String requestValue, Iterable<String> policyValues) {
        boolean any = false;
        for (String policyValue : policyValues) {
            if (matches.test(requestValue, policyValue)) {
                any = true;
                break;
            }
        }
        return negated != any;
    }

    /** Whether {@code value} is a policy value this operator can compare with. */
    boolean accepts(String value) {
        return switch (kind) {
            case STRING -> true;
            case NUMBER -> number(value) != null;
            case DATE -> instant(value) != null;
            case BOOLEAN -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
            case CIDR -> Cidr.valid(value);
        };
    }

    private static BiPredicate<String, String> numeric(Predicate<Integer> comparison) {
        return (value, limit) -> {
            BigDecimal a = number(value);
            BigDecimal b = number(limit);
            return a != null && b != null && comparison.test(a.compareTo(b));
        };
    }

    private static BiPredicate<String, String> date(Predicate<Integer> comparison) {
        return (value, limit) -> {
            Instant a = instant(value);
            Instant b = instant(limit);
            return a != null && b != null && comparison.test(a.compareTo(b));
        };
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** ISO 8601 instants and dates, or epoch seconds, as IAM takes them. */
    static Instant instant(String text) {
        String value = text.trim();
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                BigDecimal seconds = number(value);
                return seconds == null || seconds.scale() > 0 ? null : Instant.ofEpochSecond(seconds.longValueExact());
            }
        }
    }
}
