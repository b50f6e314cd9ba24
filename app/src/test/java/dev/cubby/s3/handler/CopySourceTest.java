package dev.cubby.s3.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cubby.error.S3Exception;
import org.junit.jupiter.api.Test;

class CopySourceTest {
    @Test
    void acceptsBothFormsAndDecodes() {
        assertEquals(new CopySource("b", "a/c d.txt", null), CopySource.parse("/b/a/c%20d.txt"));
        assertEquals(new CopySource("b", "x+y?z", null), CopySource.parse("b/x+y%3Fz"));
        assertEquals(new CopySource("b", "ü", null), CopySource.parse("b/%C3%BC"));
    }

    @Test
    void theNullVersionIsKeptAndNamesTheObject() {
        assertEquals(new CopySource("b", "a/c d.txt", "null"), CopySource.parse("b/a/c%20d.txt?versionId=null"));
        assertEquals(new CopySource("b", "k", "null"), CopySource.parse("/b/k?versionId=%6Eull"));
    }

    @Test
    void anyOtherVersionIsAnInvalidArgument() {
        for (String bad : new String[] {"b/k?versionId=3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY", "b/k?versionId=",
                "b/k?versionId=NULL", "b/k?versionId=null&x=y"}) {
            S3Exception e = assertThrows(S3Exception.class, () -> CopySource.parse(bad), bad);
            assertEquals("InvalidArgument", e.code().wireCode(), bad);
            assertEquals(400, e.code().httpStatus(), bad);
        }
    }

    @Test
    void aQueryOtherThanVersionIdIsRefusedRatherThanCuttingTheKeyShort() {
        for (String bad : new String[] {"b/what?.txt", "b/k?versionid=null", "b/k?"}) {
            assertEquals("InvalidArgument", assertThrows(S3Exception.class, () -> CopySource.parse(bad)).code().wireCode(), bad);
        }
    }

    @Test
    void refusesSourcesWithoutBucketOrKey() {
        for (String bad : new String[] {"", "/", "b", "/b/", "%zz/k", "/b/?versionId=null"}) {
            assertEquals("InvalidArgument", assertThrows(S3Exception.class, () -> CopySource.parse(bad)).code().wireCode(), bad);
        }
    }
}
