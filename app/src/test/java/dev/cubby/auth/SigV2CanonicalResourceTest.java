package dev.cubby.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which query parameters go into the SigV2 canonicalized resource, and how. */
class SigV2CanonicalResourceTest {

    @Test
    void pathIsKeptAsSent() {
        assertEquals("/bucket/a%20b+c%2Fd.txt", SigV2CanonicalResource.of("/bucket/a%20b+c%2Fd.txt", ""));
        assertEquals("/", SigV2CanonicalResource.of("", null));
    }

    /** SigV2 leaves Host unsigned: the Host's bucket must be signed, or a URL would serve another bucket. */
    @Test
    void aVirtualHostedRequestSignsItsBucketFirst() {
        assertEquals("/beta/alpha/k", SigV2CanonicalResource.of("beta", "/alpha/k", ""));
        assertEquals("/beta/?acl", SigV2CanonicalResource.of("beta", "/", "acl"));
        assertEquals("/alpha/k", SigV2CanonicalResource.of(null, "/alpha/k", ""));
    }

    /** botocore signs /bucket/ for a path-style request to the bucket while sending /bucket. */
    @Test
    void aRequestToABucketItselfMayBeSignedWithOrWithoutTheTrailingSlash() {
        assertEquals(java.util.List.of("/b", "/b/"), SigV2CanonicalResource.accepted(null, "/b", ""));
        assertEquals(java.util.List.of("/b?acl", "/b/?acl"), SigV2CanonicalResource.accepted(null, "/b", "acl"));
        assertEquals(java.util.List.of("/b/"), SigV2CanonicalResource.accepted(null, "/b/", ""));
        assertEquals(java.util.List.of("/b/k"), SigV2CanonicalResource.accepted(null, "/b/k", ""));
        assertEquals(java.util.List.of("/"), SigV2CanonicalResource.accepted(null, "/", ""));
        assertEquals(java.util.List.of("/v/b"), SigV2CanonicalResource.accepted("v", "/b", ""));
    }

    @Test
    void onlySubResourcesSortedWithDecodedValues() {
        assertEquals("/b/k?partNumber=2&response-content-type=text/plain; charset=utf-8&uploadId=a+b/c",
                SigV2CanonicalResource.of("/b/k", "uploadId=a%2Bb%2Fc&prefix=x&AWSAccessKeyId=AK&partNumber=2"
                        + "&response-content-type=text%2Fplain%3B+charset%3Dutf-8&Signature=s&Expires=1"));
    }

    @Test
    void bareSubResourcesStayBare() {
        assertEquals("/b/?acl", SigV2CanonicalResource.of("/b/", "acl"));
        assertEquals("/b/k?uploads", SigV2CanonicalResource.of("/b/k", "uploads&foo=bar"));
        assertEquals("/b/?versioning=", SigV2CanonicalResource.of("/b/", "versioning="));
    }

    @Test
    void namesAreCaseSensitive() {
        assertEquals("/b/k", SigV2CanonicalResource.of("/b/k", "ACL&VersionId=1"));
    }
}
