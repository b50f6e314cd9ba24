package dev.cubby.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.auth.Principal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrincipalPatternTest {
    private static final Principal LAPTOP = new Principal("CUBKLAPTOP0000000001", "c0ffee", "laptop");

    private static PrincipalPattern aws(String... values) {
        return new PrincipalPattern(false, List.of(values), List.of());
    }

    @Test
    void starIsEveryoneAnonymousIncluded() {
        assertTrue(PrincipalPattern.ANYONE.matches(LAPTOP));
        assertTrue(PrincipalPattern.ANYONE.matches(Principal.ANONYMOUS));
    }

    @Test
    void aKeyIsNamedByItsIdItsNameOrItsCanonicalId() {
        assertTrue(aws("CUBKLAPTOP0000000001").matches(LAPTOP));
        assertTrue(aws("arn:aws:iam::cubby:user/laptop").matches(LAPTOP));
        assertTrue(aws("arn:aws:iam::123456789012:user/CUBKLAPTOP0000000001").matches(LAPTOP));
        assertTrue(aws("arn:aws:iam::cubby:user/home/laptop").matches(LAPTOP), "IAM user paths end in the name");
        assertTrue(new PrincipalPattern(false, List.of(), List.of("c0ffee")).matches(LAPTOP));
    }

    @Test
    void otherKeysRootsAndAnonymousDoNotMatch() {
        assertFalse(aws("arn:aws:iam::cubby:user/desktop").matches(LAPTOP));
        assertFalse(aws("CUBKOTHER").matches(LAPTOP));
        assertFalse(aws("arn:aws:iam::cubby:root").matches(LAPTOP));
        assertFalse(new PrincipalPattern(false, List.of(), List.of("beef")).matches(LAPTOP));
        assertFalse(aws("arn:aws:iam::cubby:user/laptop").matches(Principal.ANONYMOUS));
    }

    @Test
    void awsValuesAreCheckedForShape() {
        assertTrue(PrincipalPattern.validAwsValue("arn:aws:iam::cubby:user/laptop"));
        assertTrue(PrincipalPattern.validAwsValue("arn:aws:iam::123:root"));
        assertTrue(PrincipalPattern.validAwsValue("CUBK1234"));
        assertFalse(PrincipalPattern.validAwsValue("arn:aws:iam::cubby:user/"));
        assertFalse(PrincipalPattern.validAwsValue("arn:aws:iam::cubby:group/x"));
        assertFalse(PrincipalPattern.validAwsValue("laptop key"));
    }
}
