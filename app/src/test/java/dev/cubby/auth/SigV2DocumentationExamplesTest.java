package dev.cubby.auth;

import static dev.cubby.auth.AwsExamples.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The examples of the AWS page "Signing and Authenticating REST Requests" (Signature Version 2),
 * with the page's strings to sign and signatures. They are virtual-hosted ({@code johnsmith.s3.
 * amazonaws.com}), which Cubby's SigV2 does not resolve, so the canonicalized resource is given
 * explicitly and the rest of the string to sign comes from {@link SigV2StringToSign}.
 */
class SigV2DocumentationExamplesTest {

    private static SignedRequest request(String method, String path, String query, String... namesAndValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.computeIfAbsent(namesAndValues[i], name -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return new SignedRequest(method, path, query, headers);
    }

    private static void assertSigned(String documentedStringToSign, String documentedSignature, String stringToSign) {
        assertEquals(documentedStringToSign, stringToSign);
        assertEquals(documentedSignature, SigV2Signature.sign(SECRET, stringToSign));
        assertEquals(true, SigV2Signature.matches(SECRET, stringToSign, documentedSignature));
    }

    @Test
    void objectGet() {
        SignedRequest r = request("GET", "/photos/puppy.jpg", "",
                "Host", "johnsmith.s3.amazonaws.com", "Date", "Tue, 27 Mar 2007 19:36:42 +0000");
        assertSigned("GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/johnsmith/photos/puppy.jpg",
                "bWq2s1WEIj+Ydj0vQ697zp+IXMU=",
                SigV2StringToSign.of(r, "Tue, 27 Mar 2007 19:36:42 +0000", "/johnsmith/photos/puppy.jpg"));
    }

    @Test
    void objectPut() {
        SignedRequest r = request("PUT", "/photos/puppy.jpg", "",
                "Content-Type", "image/jpeg", "Content-Length", "94328",
                "Host", "johnsmith.s3.amazonaws.com", "Date", "Tue, 27 Mar 2007 21:15:45 +0000");
        assertSigned("PUT\n\nimage/jpeg\nTue, 27 Mar 2007 21:15:45 +0000\n/johnsmith/photos/puppy.jpg",
                "MyyxeRY7whkBe+bq8fHCL/2kKUg=",
                SigV2StringToSign.of(r, "Tue, 27 Mar 2007 21:15:45 +0000", "/johnsmith/photos/puppy.jpg"));
    }

    @Test
    void listWithQueryParametersThatAreNotSubResources() {
        SignedRequest r = request("GET", "/", "prefix=photos&max-keys=50&marker=puppy",
                "User-Agent", "Mozilla/5.0", "Host", "johnsmith.s3.amazonaws.com",
                "Date", "Tue, 27 Mar 2007 19:42:41 +0000");
        // The virtual-hosted bucket comes first; the query adds nothing (no sub-resource).
        String resource = "/johnsmith" + SigV2CanonicalResource.of(r.rawPath(), r.rawQuery());
        assertSigned("GET\n\n\nTue, 27 Mar 2007 19:42:41 +0000\n/johnsmith/", "htDYFYduRNen8P9ZfE/s9SuKy0U=",
                SigV2StringToSign.of(r, "Tue, 27 Mar 2007 19:42:41 +0000", resource));
    }

    @Test
    void fetchAcl() {
        SignedRequest r = request("GET", "/", "acl",
                "Host", "johnsmith.s3.amazonaws.com", "Date", "Tue, 27 Mar 2007 19:44:46 +0000");
        String resource = "/johnsmith" + SigV2CanonicalResource.of(r.rawPath(), r.rawQuery());
        assertSigned("GET\n\n\nTue, 27 Mar 2007 19:44:46 +0000\n/johnsmith/?acl", "c2WLPFtWHVgbEmeEG93a4cG37dM=",
                SigV2StringToSign.of(r, "Tue, 27 Mar 2007 19:44:46 +0000", resource));
    }

    @Test
    void deleteWithXAmzDateLeavesTheDateLineEmpty() {
        SignedRequest r = request("DELETE", "/johnsmith/photos/puppy.jpg", "",
                "User-Agent", "dotnet", "Host", "s3.amazonaws.com",
                "Date", "Tue, 27 Mar 2007 21:20:27 +0000", "x-amz-date", "Tue, 27 Mar 2007 21:20:26 +0000");
        // This one is path-style, so the resource is the path itself.
        assertSigned("DELETE\n\n\n\nx-amz-date:Tue, 27 Mar 2007 21:20:26 +0000\n/johnsmith/photos/puppy.jpg",
                "R4dJ53KECjStyBO5iTBJZ4XVOaI=",
                SigV2StringToSign.of(r, "", SigV2CanonicalResource.of(r.rawPath(), r.rawQuery())));
    }

    @Test
    void uploadWithRepeatedAndFoldedAmzHeaders() {
        SignedRequest r = request("PUT", "/db-backup.dat.gz", "",
                "User-Agent", "curl/7.15.5", "Host", "static.johnsmith.net:8080",
                "Date", "Tue, 27 Mar 2007 21:06:08 +0000",
                "x-amz-acl", "public-read",
                "content-type", "application/x-download",
                "Content-MD5", "4gJE4saaMU4BqNR0kLY+lw==",
                "X-Amz-Meta-ReviewedBy", "joe@johnsmith.net",
                "X-Amz-Meta-ReviewedBy", "jane@johnsmith.net",
                "X-Amz-Meta-FileChecksum", "0x02661779",
                "X-Amz-Meta-ChecksumAlgorithm", "crc32",
                "Content-Disposition", "attachment; filename=database.dat",
                "Content-Encoding", "gzip",
                "Content-Length", "5913339");
        assertSigned("""
                PUT
                4gJE4saaMU4BqNR0kLY+lw==
                application/x-download
                Tue, 27 Mar 2007 21:06:08 +0000
                x-amz-acl:public-read
                x-amz-meta-checksumalgorithm:crc32
                x-amz-meta-filechecksum:0x02661779
                x-amz-meta-reviewedby:joe@johnsmith.net,jane@johnsmith.net
                /static.johnsmith.net/db-backup.dat.gz""", "ilyl83RwaSoYIEdixDQcA4OnAnc=",
                SigV2StringToSign.of(r, "Tue, 27 Mar 2007 21:06:08 +0000", "/static.johnsmith.net/db-backup.dat.gz"));
    }

    @Test
    void queryStringAuthenticationUsesExpiresAsTheDateLine() {
        SignedRequest r = request("GET", "/photos/puppy.jpg",
                "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D&Expires=1175139620",
                "Host", "johnsmith.s3.amazonaws.com");
        SigV2PresignedQuery presigned = SigV2PresignedQuery.parse(QueryParameter.parse(r.rawQuery()));
        assertEquals("NpgCjnDzrM+WFzoENXmpNDUsSn8=", presigned.signature());
        assertEquals("1175139620", presigned.expires());
        String resource = "/johnsmith" + SigV2CanonicalResource.of(r.rawPath(), r.rawQuery());
        assertSigned("GET\n\n\n1175139620\n/johnsmith/photos/puppy.jpg", presigned.signature(),
                SigV2StringToSign.of(r, presigned.expires(), resource));
    }
}
