package dev.cubby.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BucketNameTest {
    /** S3's rules written as regular expressions (Cubby's rule until it became a scan): the oracle. */
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private static boolean oracle(String name) {
        return name != null && ALLOWED.matcher(name).matches() && !name.contains("..")
                && !name.contains(".-") && !name.contains("-.")
                && !IP_ADDRESS.matcher(name).matches() && !name.startsWith("xn--")
                && !name.endsWith("-s3alias") && !name.endsWith("--ol-s3");
    }

    @Test
    void namesS3AcceptsAreValid() {
        for (String name : List.of("abc", "photos", "my-bucket", "my.bucket.name", "a1b", "123", "1.2.3",
                "1.2.3.4.5", "1234.5.6.7", "a--b", "x".repeat(63), "192.168.5.4x", "xn-ok", "alias-s3alias1")) {
            assertTrue(BucketName.isValid(name), name);
        }
    }

    @Test
    void namesS3RefusesAreNot() {
        for (String name : List.of("", "ab", "x".repeat(64), "Photos", "my_bucket", "-abc", "abc-", ".abc", "abc.",
                "a..b", "a.-b", "a-.b", "192.168.5.4", "1.2.3.4", "999.999.999.999", "xn--abc", "abc-s3alias",
                "abc--ol-s3", "ab c", "café", "a/b")) {
            assertFalse(BucketName.isValid(name), name);
        }
        assertFalse(BucketName.isValid(null));
    }

    @Test
    void agreesWithTheRegularExpressionsOnRandomNames() {
        String alphabet = "abcz0189.-.-A_é";
        var random = new Random(42);
        for (int n = 0; n < 200_000; n++) {
            int length = random.nextInt(70);
            var name = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = name.toString();
            assertEquals(oracle(s), BucketName.isValid(s), s);
        }
        int addresses = 0;
        for (int n = 0; n < 50_000; n++) {
            // groups of 0 to 4 digits joined by 2 to 4 dots: addresses and near misses
            var name = new StringBuilder();
            int groups = 3 + random.nextInt(3);
            for (int g = 0; g < groups; g++) {
                if (g > 0) {
                    name.append('.');
                }
                int digits = random.nextInt(5);
                for (int d = 0; d < digits; d++) {
                    name.append((char) ('0' + random.nextInt(10)));
                }
            }
            String s = name.toString();
            addresses += IP_ADDRESS.matcher(s).matches() ? 1 : 0;
            assertEquals(oracle(s), BucketName.isValid(s), s);
        }
        assertTrue(addresses > 1000, "the near misses include real addresses: " + addresses);
    }
}
