package dev.cubby.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Canonical URI, query and header rules, with expectations written from the SigV4 specification. */
class CanonicalRequestTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/test.txt                          | /test.txt",
        "''                                 | /",
        "/                                  | /",
        "/test$file.text                    | /test%24file.text",
        "/test%24file.text                  | /test%24file.text",
        "/my%20key                          | /my%20key",
        "/a+b                               | /a%2Bb",
        "/a%2Bb                             | /a%2Bb",
        "/tilde~%7Ekey                      | /tilde~~key",
        "/caf%C3%A9                         | /caf%C3%A9",
        "/caf%c3%a9                         | /caf%C3%A9",
        "/a%2Fb                             | /a/b",
        "//double//slash/./..               | //double//slash/./..",
        "/100%                              | /100%25",
        "/(x)*!'                            | /%28x%29%2A%21%27",
    })
    void canonicalUri(String rawPath, String expected) {
        assertEquals(expected, CanonicalRequest.uri(rawPath));
    }

    @Test
    void nonAsciiPathIsEncodedAsUtf8() {
        assertEquals("/%E6%97%A5%E6%9C%AC/%C3%BC", CanonicalRequest.uri("/日本/ü"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                 | ''",
        "lifecycle                          | lifecycle=",
        "max-keys=2&prefix=J                | max-keys=2&prefix=J",
        "prefix=J&max-keys=2                | max-keys=2&prefix=J",
        "prefix=a b                         | prefix=a%20b",
        "prefix=a+b                         | prefix=a%20b",
        "prefix=a%2Bb                       | prefix=a%2Bb",
        "prefix=a/b                         | prefix=a%2Fb",
        "prefix=~x%7E                       | prefix=~x~",
        "v=x=y                              | v=x%3Dy",
        "empty=&flag                        | empty=&flag=",
        "b=2&a=1&b=1                        | a=1&b=1&b=2",
        "prefix=%E2%82%AC                   | prefix=%E2%82%AC",
        "&&a=1&                             | a=1",
        "uploads&prefix=                    | prefix=&uploads=",
        "list-type=2&continuation-token=1%2F2%3D%3D | continuation-token=1%2F2%3D%3D&list-type=2",
    })
    void canonicalQuery(String rawQuery, String expected) {
        assertEquals(expected, CanonicalRequest.query(QueryParameter.parse(rawQuery)));
    }

    @Test
    void queryIsSortedByEncodedName() {
        // 'Z' (0x5A) sorts before 'a' (0x61) and '%' before letters: byte order of the encoded form.
        assertEquals("%20x=1&Zed=2&a=3", CanonicalRequest.query(QueryParameter.parse("a=3&Zed=2&+x=1")));
    }

    @Test
    void headerValues() {
        assertEquals("bytes=0-9", CanonicalRequest.headerValue(List.of("  bytes=0-9 ")));
        assertEquals("a b c", CanonicalRequest.headerValue(List.of("a   b \t c")));
        assertEquals("a,b", CanonicalRequest.headerValue(List.of("a", " b ")));
        assertEquals("", CanonicalRequest.headerValue(List.of()));
    }

    @Test
    void decodedQueryValuesForReading() {
        QueryParameter credential = QueryParameter.parse("X-Amz-Credential=AKID%2F20130524%2Fus-east-1%2Fs3%2Faws4_request")
                .get(0);
        assertEquals("X-Amz-Credential", credential.name());
        assertEquals("AKID/20130524/us-east-1/s3/aws4_request", credential.value());
    }
}
