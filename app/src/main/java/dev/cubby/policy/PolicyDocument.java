package dev.cubby.policy;

import dev.cubby.auth.PolicyVerdict;
import dev.cubby.auth.Principal;
import java.util.List;

/**
 * A parsed, validated bucket policy ({@link PolicyParser} makes one from its JSON). Evaluated
 * as IAM does: a statement that denies the request wins over every one that allows it.
 */
record PolicyDocument(List<Statement> statements) {

    PolicyDocument {
        statements = List.copyOf(statements);
    }

    /**
     * @param skipPublic leave out the public statements (RestrictPublicBuckets for an unsigned caller)
     */
    PolicyVerdict evaluate(Principal principal, String action, String resourceArn, ConditionKeys request,
                           boolean skipPublic) {
        boolean allowed = false;
        for (Statement statement : statements) {
            if ((skipPublic && statement.isPublic()) || (allowed && statement.allow())
                    || !statement.reaches(principal, action, resourceArn) || !statement.conditionsHold(request)) {
                continue;
            }
            if (!statement.allow()) {
                return PolicyVerdict.DENY;
            }
            allowed = true;
        }
        return allowed ? PolicyVerdict.ALLOW : PolicyVerdict.NONE;
    }

    /** GetBucketPolicyStatus's IsPublic: some statement allows everyone without narrowing them. */
    boolean isPublic() {
        return statements.stream().anyMatch(Statement::isPublic);
    }
}
