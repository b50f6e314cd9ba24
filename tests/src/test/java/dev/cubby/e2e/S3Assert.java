package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.w3c.dom.Element;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Assertions on S3 errors, as the SDK reports them and as they arrive on the wire. */
public final class S3Assert {
    private S3Assert() {
    }

    /** The call fails with this HTTP status and S3 error code. */
    public static S3Exception assertS3Error(int status, String code, Executable call) {
        S3Exception error = assertThrows(S3Exception.class, call);
        assertEquals(status, error.statusCode(), () -> "HTTP status of " + error.getMessage());
        assertEquals(code, error.awsErrorDetails().errorCode(), () -> "error code of " + error.getMessage());
        return error;
    }

    /** As above, saying why the call must fail. */
    public static S3Exception assertS3Error(int status, String code, Executable call, String why) {
        S3Exception error = assertThrows(S3Exception.class, call, why);
        assertEquals(status, error.statusCode(), () -> why + ": HTTP status of " + error.getMessage());
        assertEquals(code, error.awsErrorDetails().errorCode(), () -> why + ": error code of " + error.getMessage());
        return error;
    }

    /** The call fails with this HTTP status (for HEAD, whose error responses carry no body). */
    public static S3Exception assertS3Status(int status, Executable call) {
        S3Exception error = assertThrows(S3Exception.class, call);
        assertEquals(status, error.statusCode(), () -> "HTTP status of " + error.getMessage());
        return error;
    }

    /**
     * The response is an S3 error document with this status and code:
     * {@code <Error><Code/><Message/><Resource/><RequestId/></Error>}.
     */
    public static void assertS3Error(RawResponse response, int status, String code) {
        assertEquals(status, response.status(), () -> "status of " + response);
        Element error = assertErrorDocument(response);
        assertEquals(code, Xml.text(error, "Code"), () -> "code of " + response);
    }

    /** The response carries an S3 error document, whatever its code; returns its root. */
    public static Element assertErrorDocument(RawResponse response) {
        assertTrue(response.body().length > 0, () -> "an error document in " + response);
        Element error = response.xml().getDocumentElement();
        assertEquals("Error", error.getLocalName(), () -> "root element of " + response);
        List<String> children = Xml.childNames(error);
        for (String required : List.of("Code", "Message", "Resource", "RequestId")) {
            assertTrue(children.contains(required), () -> "<" + required + "> in " + response);
        }
        assertFalse(Xml.text(error, "Code").isBlank(), () -> "a code in " + response);
        assertNotNull(response.header("x-amz-request-id"), () -> "x-amz-request-id header in " + response);
        return error;
    }

    /** A 4xx with an S3 error document: the request was refused, by whatever rule. */
    public static void assertRefused(RawResponse response) {
        assertTrue(response.status() >= 400 && response.status() < 500, () -> "a 4xx refusal, got " + response);
        assertErrorDocument(response);
    }
}
