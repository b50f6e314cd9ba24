package dev.cubby.policy;

import java.util.List;

/**
 * One test of a statement's Condition block: an operator, a condition key and the policy's
 * values for it, e.g. {@code "StringLike": {"s3:prefix": ["home/*"]}}. All conditions of a
 * statement must hold for it to apply.
 *
 * <p>A key the request does not carry: {@code ...IfExists} and the negated operators hold, the
 * others do not. {@code ForAnyValue:} holds when some request value does, {@code ForAllValues:}
 * when every one does (and so when there is none).
 */
record Condition(ConditionOperator operator, Qualifier qualifier, boolean ifExists, String key, List<String> values) {

    /** How a key with several request values (e.g. {@code s3:RequestObjectTagKeys}) is compared. */
    enum Qualifier { SINGLE, FOR_ANY_VALUE, FOR_ALL_VALUES }

    Condition {
        values = List.copyOf(values);
    }

    boolean holds(ConditionKeys request) {
        List<String> present = request.values(key);
        if (operator == ConditionOperator.NULL) {
            boolean absent = present.isEmpty();
            return values.stream().anyMatch(expected -> Boolean.parseBoolean(expected) == absent);
        }
        return switch (qualifier) {
            case FOR_ALL_VALUES -> present.stream().allMatch(value -> operator.holdsFor(value, values));
            case FOR_ANY_VALUE -> present.stream().anyMatch(value -> operator.holdsFor(value, values));
            case SINGLE -> present.isEmpty() ? ifExists || operator.negated
                    : present.stream().anyMatch(value -> operator.holdsFor(value, values));
        };
    }

    /** Whether the condition narrows who it applies to, so a statement allowing "*" under it is not public. */
    boolean narrowsCallers() {
        String name = key.toLowerCase(java.util.Locale.ROOT);
        return switch (name) {
            case "aws:sourceip" -> operator == ConditionOperator.IP_ADDRESS
                    || operator == ConditionOperator.NOT_IP_ADDRESS;
            case "aws:sourcevpc", "aws:sourcevpce", "aws:sourcearn", "aws:sourceaccount", "aws:sourceowner",
                 "aws:principalaccount", "aws:principalarn", "aws:principalorgid", "aws:userid", "aws:username",
                 "s3:dataaccesspointaccount", "s3:dataaccesspointarn" -> !operator.negated;
            default -> false;
        };
    }
}
