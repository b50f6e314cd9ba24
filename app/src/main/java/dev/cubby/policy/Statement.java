package dev.cubby.policy;

import dev.cubby.auth.Principal;
import java.util.List;

/**
 * One statement of a bucket policy: it applies to a request when the principal, the action,
 * the resource and every condition match. {@code notAction}/{@code notResource} turn the lists
 * round: the statement then applies to every action (resource) except those listed.
 *
 * @param sid       the statement's id, or null (named in error messages)
 * @param actions   {@code s3:GetObject}, {@code s3:Get*}, {@code *}: compared without case
 * @param resources {@code arn:aws:s3:::bucket}, {@code arn:aws:s3:::bucket/photos/*}
 */
record Statement(String sid, boolean allow, PrincipalPattern principal, List<Wildcard> actions, boolean notAction,
                 List<Wildcard> resources, boolean notResource, List<Condition> conditions) {

    Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    /** Without the conditions, which the caller tests last (they may read the object's tags). */
    boolean reaches(Principal caller, String action, String resourceArn) {
        return principal.matches(caller)
                && notAction != anyMatches(actions, action)
                && notResource != anyMatches(resources, resourceArn);
    }

    boolean conditionsHold(ConditionKeys request) {
        for (Condition condition : conditions) {
            if (!condition.holds(request)) {
                return false;
            }
        }
        return true;
    }

    /**
     * S3's "public" statement: it allows everyone ({@code "*"}) and no condition narrows the
     * callers to fixed addresses or accounts (such as {@code aws:SourceIp}).
     */
    boolean isPublic() {
        return allow && principal.anyone() && conditions.stream().noneMatch(Condition::narrowsCallers);
    }

    private static boolean anyMatches(List<Wildcard> patterns, String value) {
        for (Wildcard pattern : patterns) {
            if (pattern.matches(value)) {
                return true;
            }
        }
        return false;
    }
}
