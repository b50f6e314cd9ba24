package dev.cubby.policy;

import dev.cubby.auth.Principal;
import java.util.List;

/**
 * Who a statement is about. Cubby's principals are its access keys, so a key is named by its
 * access key id ({@code CUBK...}), its canonical user id ({@code {"CanonicalUser": "..."}}), or
 * an IAM user ARN whose user name is the key's name or id ({@code arn:aws:iam::cubby:user/laptop};
 * the account part is not checked: a Cubby server is one account). {@code "*"} is everyone,
 * unsigned callers included. An account's root ({@code arn:aws:iam::123:root}) names no key.
 *
 * @param anyone      {@code "*"} or {@code {"AWS": "*"}}
 * @param aws         the {@code AWS} values: access key ids and IAM ARNs
 * @param canonicalIds the {@code CanonicalUser} values
 */
record PrincipalPattern(boolean anyone, List<String> aws, List<String> canonicalIds) {
    static final PrincipalPattern ANYONE = new PrincipalPattern(true, List.of(), List.of());
    private static final String IAM_ARN = "arn:aws:iam::";

    PrincipalPattern {
        aws = List.copyOf(aws);
        canonicalIds = List.copyOf(canonicalIds);
    }

    boolean matches(Principal principal) {
        if (anyone) {
            return true;
        }
        if (principal.isAnonymous()) {
            return false;
        }
        if (principal.canonicalId() != null && canonicalIds.contains(principal.canonicalId())) {
            return true;
        }
        for (String value : aws) {
            if (value.equals(principal.accessKeyId()) || namesUser(value, principal)) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesUser(String arn, Principal principal) {
        if (!arn.startsWith(IAM_ARN)) {
            return false;
        }
        int user = arn.indexOf(":user/", IAM_ARN.length());
        if (user < 0) {
            return false;
        }
        String name = arn.substring(user + ":user/".length());
        // IAM user names may carry a path (user/division/name): the last segment is the name
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.equals(principal.accessKeyId()) || name.equals(principal.name());
    }

    /** Whether an IAM ARN or key id is written in a form this pattern understands (checked when a policy is put). */
    static boolean validAwsValue(String value) {
        if (value.startsWith(IAM_ARN)) {
            int colon = value.indexOf(':', IAM_ARN.length());
            return colon >= 0 && colon + 1 < value.length()
                    && (value.startsWith("user/", colon + 1) && value.length() > colon + 1 + "user/".length()
                    || value.substring(colon + 1).equals("root"));
        }
        return !value.isEmpty() && value.chars().allMatch(c -> Character.isLetterOrDigit(c));
    }
}
