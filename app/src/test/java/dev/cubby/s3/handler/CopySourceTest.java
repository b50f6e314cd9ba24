package dev.cubby.s3.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cubby.s3.error.S3Exception;
import org.junit.jupiter.api.Test;

class CopySourceTest {
    @Test
    void acceptsBothFormsDecodesAndIgnoresTheVersion() {
        assertEquals(new CopySource("b", "a/c d.txt"), CopySource.parse("/b/a/c%20d.txt"));
        assertEquals(new CopySource("b", "a/c d.txt"), CopySource.parse("b/a/c%20d.txt?versionId=null"));
        assertEquals(new CopySource("b", "x+y?z"), CopySource.parse("b/x+y%3Fz"));
        assertEquals(new CopySource("b", "ü"), CopySource.parse("b/%C3%BC"));
    }

    @Test
    void refusesSourcesWithoutBucketOrKey() {
        for (String bad : new String[] {"", "/", "b", "/b/", "%zz/k"}) {
            assertEquals("InvalidArgument", assertThrows(S3Exception.class, () -> CopySource.parse(bad)).code().wireCode(), bad);
        }
    }
}
