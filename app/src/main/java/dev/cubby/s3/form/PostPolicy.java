package dev.cubby.s3.form;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A browser POST upload's policy: the base64 JSON document of the form's {@code policy} field,
 * with its {@code expiration} and {@code conditions} (names case-sensitive, as in S3). Its
 * signature is checked elsewhere ({@link dev.cubby.auth.PostPolicySignature}); this class holds
 * the rules of what the policy allows: it has not expired, every condition holds, and every field
 * of the form is named by a condition except those S3 exempts.
 */
public final class PostPolicy {
    /**
     * Fields no condition needs to name: the signature itself, the file, {@code x-ignore-*}, and
     * {@code x-amz-checksum-*}, which the upload is verified against anyway.
     */
    private static final Set<String> EXEMPT = Set.of("policy", "signature", "awsaccesskeyid", "x-amz-signature",
            "file");

    private final Instant expiration;
    private final List<PolicyCondition> conditions;

    private PostPolicy(Instant expiration, List<PolicyCondition> conditions) {
        this.expiration = expiration;
        this.conditions = conditions;
    }

    public List<PolicyCondition> conditions() {
        return conditions;
    }

    /**
     * Decodes and parses the form's {@code policy} field.
     *
     * @throws S3Exception InvalidPolicyDocument saying what is wrong with it
     */
    public static PostPolicy parse(String base64) {
        String json;
        try {
            json = new String(Base64.getMimeDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("the policy field is not base64.");
        }
        if (!(PolicyJson.parse(json) instanceof Map<?, ?> document)) {
            throw invalid("the policy must be a JSON object with \"expiration\" and \"conditions\".");
        }
        if (!(document.get("expiration") instanceof String expires)) {
            throw invalid(document.containsKey("expiration") ? "\"expiration\" must be a string."
                    : "Policy missing expiration.");
        }
        Instant expiration;
        try {
            expiration = Instant.parse(expires);
        } catch (DateTimeParseException e) {
            throw invalid("Invalid 'expiration' value: '" + expires + "'; write it in ISO 8601 UTC, "
                    + "e.g. 2030-01-01T12:00:00Z.");
        }
        if (!(document.get("conditions") instanceof List<?> list)) {
            throw invalid(document.containsKey("conditions") ? "\"conditions\" must be a list."
                    : "Policy missing conditions.");
        }
        var conditions = new ArrayList<PolicyCondition>();
        for (Object item : list) {
            conditions.addAll(condition(item));
        }
        return new PostPolicy(expiration, List.copyOf(conditions));
    }

    /**
     * Checks the form against the policy.
     *
     * @param fields the form's fields before the file by lower-case name, with {@code bucket} added
     *               and {@code key} as stored (after {@code ${filename}})
     * @throws S3Exception AccessDenied "Invalid according to Policy: ..." naming the first failure
     */
    public void check(Map<String, String> fields, Instant now) {
        if (!now.isBefore(expiration)) {
            throw denied("Policy expired.");
        }
        Set<String> named = new HashSet<>();
        for (PolicyCondition condition : conditions) {
            if (condition.field() == null) {
                continue;
            }
            named.add(condition.field());
            if (!condition.holds(fields.get(condition.field()))) {
                throw denied("Policy Condition failed: " + condition.text());
            }
        }
        for (String field : fields.keySet()) {
            if (!EXEMPT.contains(field) && !field.startsWith("x-ignore-") && !field.startsWith("x-amz-checksum-")
                    && !named.contains(field)) {
                throw denied("Extra input fields: " + field);
            }
        }
    }

    /** The smallest and largest file the policy allows, from its content-length-range conditions. */
    public PolicyCondition.ContentLengthRange lengthRange() {
        long min = 0;
        long max = Long.MAX_VALUE;
        for (PolicyCondition condition : conditions) {
            if (condition instanceof PolicyCondition.ContentLengthRange range) {
                min = Math.max(min, range.min());
                max = Math.min(max, range.max());
            }
        }
        return new PolicyCondition.ContentLengthRange(min, max);
    }

    private static List<PolicyCondition> condition(Object item) {
        if (item instanceof Map<?, ?> object) {
            if (object.isEmpty()) {
                throw invalid("a condition is an empty object; write {\"field\": \"value\"}.");
            }
            var equals = new ArrayList<PolicyCondition>();
            for (var entry : object.entrySet()) {
                if (!(entry.getValue() instanceof String value)) {
                    throw invalid("the condition {\"" + entry.getKey() + "\": ...} needs a string value.");
                }
                equals.add(new PolicyCondition.Equals(fieldName((String) entry.getKey(), false), value));
            }
            return equals;
        }
        if (!(item instanceof List<?> array) || array.isEmpty() || !(array.getFirst() instanceof String operator)) {
            throw invalid("each condition must be {\"field\": \"value\"} or [\"operator\", ...].");
        }
        return List.of(switch (operator.toLowerCase(Locale.ROOT)) {
            case "eq" -> new PolicyCondition.Equals(fieldOf(array), valueOf(array));
            case "starts-with" -> new PolicyCondition.StartsWith(fieldOf(array), valueOf(array));
            case "content-length-range" -> lengthRange(array);
            default -> throw invalid("the condition operator '" + operator
                    + "' is unknown; use eq, starts-with or content-length-range.");
        });
    }

    private static String fieldOf(List<?> array) {
        if (array.size() != 3 || !(array.get(1) instanceof String field)) {
            throw invalid("the condition " + array + " needs three elements: [\"" + array.getFirst()
                    + "\", \"$field\", \"value\"].");
        }
        return fieldName(field, true);
    }

    private static String valueOf(List<?> array) {
        if (!(array.get(2) instanceof String value)) {
            throw invalid("the condition " + array + " needs a string value.");
        }
        return value;
    }

    private static String fieldName(String name, boolean dollar) {
        if (dollar) {
            if (!name.startsWith("$") || name.length() == 1) {
                throw invalid("a condition names its field as \"$field\", not \"" + name + "\".");
            }
            name = name.substring(1);
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static PolicyCondition.ContentLengthRange lengthRange(List<?> array) {
        if (array.size() != 3) {
            throw invalid("content-length-range needs a minimum and a maximum: [\"content-length-range\", 0, 1048576].");
        }
        long min = bytes(array.get(1));
        long max = bytes(array.get(2));
        if (min > max) {
            throw invalid("content-length-range's minimum " + min + " is above its maximum " + max + ".");
        }
        return new PolicyCondition.ContentLengthRange(min, max);
    }

    private static long bytes(Object value) {
        try {
            BigDecimal number = value instanceof BigDecimal n ? n : new BigDecimal(String.valueOf(value).trim());
            long bytes = number.longValueExact();
            if (bytes >= 0) {
                return bytes;
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // reported below
        }
        throw invalid("content-length-range takes whole byte counts of 0 or more, not " + value + ".");
    }

    private static S3Exception invalid(String detail) {
        return S3Exception.of(S3ErrorCode.INVALID_POLICY_DOCUMENT, "Invalid Policy: " + detail);
    }

    private static S3Exception denied(String detail) {
        return S3Exception.of(S3ErrorCode.ACCESS_DENIED, "Invalid according to Policy: " + detail);
    }
}
