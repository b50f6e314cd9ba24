package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Bucket policies against the real server: the admin puts them, keys without a grant and
 * unsigned callers get what they allow, a Deny beats a grant, conditions see the caller's
 * address, TLS and listing parameters, and the policy lives as long as its bucket.
 */
class BucketPolicyTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty().args("--tls", "--public-read", "website")
            .httpsBesideHttp().tree(root -> {
                Files.createDirectories(root.resolve("website"));
                Files.writeString(root.resolve("website/index.html"), "<h1>hello</h1>");
                Files.writeString(root.resolve("website/drafts.html"), "draft");
                Files.createDirectories(root.resolve("other"));
            });

    /** A key granted another bucket only: what it gets in the test buckets, a policy gave it. */
    static CubbyCli.Key reader;

    @BeforeAll
    static void keys() throws Exception {
        reader = CubbyCli.createKey(server.state(), "reader", List.of("other:ro"));
    }

    /** A client made per use: a restart may move the server to another port. */
    static S3Client readerClient() {
        return clientOf(reader);
    }

    static S3Client clientOf(CubbyCli.Key key) {
        return server.client(b -> b.credentialsProvider(TestServer.credentials(key.accessKeyId(), key.secret())));
    }

    static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    static String statement(String effect, String principal, String action, String resource, String condition) {
        return "{\"Effect\":\"" + effect + "\",\"Principal\":" + principal + ",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"" + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    static String user(String name) {
        return "{\"AWS\":\"arn:aws:iam::cubby:user/" + name + "\"}";
    }

    private static String bucketWith(String... files) throws Exception {
        String bucket = server.newBucket("pol");
        for (String file : files) {
            Path path = server.file(bucket, file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "content of " + file);
        }
        return bucket;
    }

    private static void put(String bucket, String json) {
        server.client().putBucketPolicy(b -> b.bucket(bucket).policy(json));
    }

    @Test
    void aKeyWithoutAGrantReadsThePrefixThePolicyGivesIt() throws Exception {
        String bucket = bucketWith("shared/a.txt", "private/b.txt");
        assertS3Error(403, "AccessDenied", () -> readerClient().getObjectAsBytes(b -> b.bucket(bucket).key("shared/a.txt")));
        put(bucket, policy(statement("Allow", user("reader"), "s3:GetObject", "arn:aws:s3:::" + bucket + "/shared/*", null)));
        assertEquals("content of shared/a.txt",
                readerClient().getObjectAsBytes(b -> b.bucket(bucket).key("shared/a.txt")).asUtf8String());
        assertS3Error(403, "AccessDenied", () -> readerClient().getObjectAsBytes(b -> b.bucket(bucket).key("private/b.txt")));
        assertS3Error(403, "AccessDenied", () -> readerClient().putObject(b -> b.bucket(bucket).key("shared/c.txt"),
                RequestBody.fromString("no")));
        assertTrue(Files.notExists(server.file(bucket, "shared/c.txt")));
    }

    @Test
    void thePolicyNamesAKeyByItsAccessKeyIdToo() throws Exception {
        String bucket = bucketWith("a.txt");
        put(bucket, policy(statement("Allow", "{\"AWS\":\"" + reader.accessKeyId() + "\"}", "s3:GetObject",
                "arn:aws:s3:::" + bucket + "/*", null)));
        assertEquals("content of a.txt", readerClient().getObjectAsBytes(b -> b.bucket(bucket).key("a.txt")).asUtf8String());
    }

    @Test
    void anonymousCallersReadWhatAPublicStatementAllows() throws Exception {
        String bucket = bucketWith("public/a.txt", "private/b.txt");
        assertEquals(403, server.send(server.request("GET", "/" + bucket + "/public/a.txt")).status());
        put(bucket, policy(statement("Allow", "\"*\"", "s3:GetObject", "arn:aws:s3:::" + bucket + "/public/*", null)));
        RawResponse get = server.send(server.request("GET", "/" + bucket + "/public/a.txt"));
        assertEquals(200, get.status());
        assertEquals("content of public/a.txt", get.text());
        assertS3Error(server.send(server.request("GET", "/" + bucket + "/private/b.txt")), 403, "AccessDenied");
        assertS3Error(server.send(server.request("GET", "/" + bucket + "?list-type=2")), 403, "AccessDenied");
        assertTrue(server.client().getBucketPolicyStatus(b -> b.bucket(bucket)).policyStatus().isPublic());
    }

    @Test
    void anExplicitDenyBeatsAGrant() throws Exception {
        String bucket = bucketWith("keep/a.txt", "scratch/b.txt");
        var writer = CubbyCli.createKey(server.state(), "writer-" + bucket, List.of(bucket + ":rw"));
        S3Client writerClient = clientOf(writer);
        put(bucket, policy(statement("Deny", "\"*\"", "s3:DeleteObject", "arn:aws:s3:::" + bucket + "/keep/*", null)));
        assertS3Error(403, "AccessDenied", () -> writerClient.deleteObject(b -> b.bucket(bucket).key("keep/a.txt")));
        assertTrue(Files.exists(server.file(bucket, "keep/a.txt")));
        writerClient.deleteObject(b -> b.bucket(bucket).key("scratch/b.txt"));
        assertTrue(Files.notExists(server.file(bucket, "scratch/b.txt")));
        assertEquals("content of keep/a.txt",
                writerClient.getObjectAsBytes(b -> b.bucket(bucket).key("keep/a.txt")).asUtf8String());
    }

    @Test
    void aDenyHoldsForTheKeysOfADeleteObjectsBodyAndForACopySource() throws Exception {
        String bucket = bucketWith("keep/a.txt", "scratch/b.txt", "secret/c.txt");
        var writer = clientOf(CubbyCli.createKey(server.state(), "batch-" + bucket, List.of(bucket + ":rw")));
        put(bucket, policy(
                statement("Deny", "\"*\"", "s3:DeleteObject", "arn:aws:s3:::" + bucket + "/keep/*", null),
                statement("Deny", "\"*\"", "s3:GetObject", "arn:aws:s3:::" + bucket + "/secret/*", null)));
        var result = writer.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                o -> o.key("keep/a.txt"), o -> o.key("scratch/b.txt"))));
        assertEquals(List.of("scratch/b.txt"), result.deleted().stream().map(o -> o.key()).toList());
        assertEquals(List.of("AccessDenied"), result.errors().stream().map(e -> e.code()).toList());
        assertTrue(Files.exists(server.file(bucket, "keep/a.txt")));
        assertS3Error(403, "AccessDenied", () -> writer.copyObject(b -> b.sourceBucket(bucket).sourceKey("secret/c.txt")
                .destinationBucket(bucket).destinationKey("copied.txt")));
        assertTrue(Files.notExists(server.file(bucket, "copied.txt")));
        writer.copyObject(b -> b.sourceBucket(bucket).sourceKey("keep/a.txt").destinationBucket(bucket)
                .destinationKey("copied.txt"));
    }

    @Test
    void sourceIpConditionsSeeTheCallersAddress() throws Exception {
        String bucket = bucketWith("a.txt");
        put(bucket, policy(statement("Allow", user("reader"), "s3:GetObject", "arn:aws:s3:::" + bucket + "/*",
                "{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}")));
        assertS3Error(403, "AccessDenied", () -> readerClient().getObjectAsBytes(b -> b.bucket(bucket).key("a.txt")));
        put(bucket, policy(statement("Allow", user("reader"), "s3:GetObject", "arn:aws:s3:::" + bucket + "/*",
                "{\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"127.0.0.0/8\"]}}")));
        assertEquals("content of a.txt", readerClient().getObjectAsBytes(b -> b.bucket(bucket).key("a.txt")).asUtf8String());
        assertFalse(server.client().getBucketPolicyStatus(b -> b.bucket(bucket)).policyStatus().isPublic());
        put(bucket, policy(statement("Deny", "\"*\"", "s3:GetObject", "arn:aws:s3:::" + bucket + "/*",
                "{\"NotIpAddress\":{\"aws:SourceIp\":\"192.0.2.0/24\"}}")));
        assertS3Error(403, "AccessDenied", () -> server.client().getObjectAsBytes(b -> b.bucket(bucket).key("a.txt")));
    }

    @Test
    void secureTransportTellsTheTlsPortFromThePlainOne() throws Exception {
        String bucket = bucketWith("a.txt");
        put(bucket, policy(statement("Deny", "\"*\"", "s3:GetObject", "arn:aws:s3:::" + bucket + "/*",
                "{\"Bool\":{\"aws:SecureTransport\":\"false\"}}")));
        assertS3Error(403, "AccessDenied", () -> server.client().getObjectAsBytes(b -> b.bucket(bucket).key("a.txt")));
        S3Client tls = server.client(b -> {
            try {
                b.endpointOverride(server.httpsEndpoint()).httpClientBuilder(
                        PemTrust.sdkHttpClientTrustingOnly(server.state().resolve("tls/cert.pem")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("content of a.txt", tls.getObjectAsBytes(b -> b.bucket(bucket).key("a.txt")).asUtf8String());
    }

    @Test
    void prefixConditionsLimitListings() throws Exception {
        String bucket = bucketWith("public/a.txt", "private/b.txt");
        put(bucket, policy(statement("Allow", user("reader"), "s3:ListBucket", "arn:aws:s3:::" + bucket,
                "{\"StringLike\":{\"s3:prefix\":\"public/*\"}}")));
        var listed = readerClient().listObjectsV2(b -> b.bucket(bucket).prefix("public/"));
        assertEquals(List.of("public/a.txt"), listed.contents().stream().map(o -> o.key()).toList());
        assertS3Error(403, "AccessDenied", () -> readerClient().listObjectsV2(b -> b.bucket(bucket)));
        assertS3Error(403, "AccessDenied", () -> readerClient().listObjectsV2(b -> b.bucket(bucket).prefix("private/")));
    }

    @Test
    void getDeleteAndStatusOfAPolicy() throws Exception {
        String bucket = bucketWith();
        assertS3Error(404, "NoSuchBucketPolicy", () -> server.client().getBucketPolicy(b -> b.bucket(bucket)));
        assertFalse(server.client().getBucketPolicyStatus(b -> b.bucket(bucket)).policyStatus().isPublic());
        String pretty = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\n    \"Effect\": \"Allow\",\n"
                + "    \"Principal\": {\"AWS\": \"*\"},\n    \"Action\": \"s3:ListBucket\",\n"
                + "    \"Resource\": \"arn:aws:s3:::" + bucket + "\"\n  }\n}\n";
        put(bucket, pretty);
        assertEquals(pretty, server.client().getBucketPolicy(b -> b.bucket(bucket)).policy(), "answered as stored");
        assertTrue(server.client().getBucketPolicyStatus(b -> b.bucket(bucket)).policyStatus().isPublic());
        server.client().deleteBucketPolicy(b -> b.bucket(bucket));
        assertS3Error(404, "NoSuchBucketPolicy", () -> server.client().getBucketPolicy(b -> b.bucket(bucket)));
        assertS3Error(404, "NoSuchBucket", () -> server.client().getBucketPolicy(b -> b.bucket("no-such-bucket")));
    }

    @Test
    void onlyTheAdminOrAWholeBucketWriterManagesThePolicy() throws Exception {
        String bucket = bucketWith();
        String json = policy(statement("Allow", user("reader"), "s3:GetObject", "arn:aws:s3:::" + bucket + "/*", null));
        assertS3Error(403, "AccessDenied", () -> readerClient().putBucketPolicy(b -> b.bucket(bucket).policy(json)));
        var prefixWriter = clientOf(CubbyCli.createKey(server.state(), "pw-" + bucket, List.of(bucket + "/inbox/:rw")));
        assertS3Error(403, "AccessDenied", () -> prefixWriter.putBucketPolicy(b -> b.bucket(bucket).policy(json)));
        var owner = clientOf(CubbyCli.createKey(server.state(), "bw-" + bucket, List.of(bucket + ":rw")));
        owner.putBucketPolicy(b -> b.bucket(bucket).policy(json));
        assertEquals(json, owner.getBucketPolicy(b -> b.bucket(bucket)).policy());
    }

    @Test
    void malformedPoliciesAreRefusedSayingWhatIsWrong() throws Exception {
        String bucket = bucketWith();
        S3Exception notJson = assertS3Error(400, "MalformedPolicy", () -> put(bucket, "{\"Version\":"));
        assertTrue(notJson.awsErrorDetails().errorMessage().contains("not valid JSON"), notJson.getMessage());
        S3Exception effect = assertS3Error(400, "MalformedPolicy", () -> put(bucket, policy(
                statement("Allow", "\"*\"", "s3:GetObject", "arn:aws:s3:::" + bucket + "/*", null),
                statement("Maybe", "\"*\"", "s3:GetObject", "arn:aws:s3:::" + bucket + "/*", null))));
        assertTrue(effect.awsErrorDetails().errorMessage().contains("Statement 2: Effect must be"), effect.getMessage());
        S3Exception elsewhere = assertS3Error(400, "MalformedPolicy", () -> put(bucket, policy(
                statement("Allow", "\"*\"", "s3:GetObject", "arn:aws:s3:::other/*", null))));
        assertTrue(elsewhere.awsErrorDetails().errorMessage().contains("lies outside bucket " + bucket),
                elsewhere.getMessage());
        S3Exception notPrincipal = assertS3Error(400, "MalformedPolicy", () -> put(bucket,
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"x\"},"
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}}"));
        assertTrue(notPrincipal.awsErrorDetails().errorMessage().contains("NotPrincipal is not supported"));
        assertS3Error(404, "NoSuchBucketPolicy", () -> server.client().getBucketPolicy(b -> b.bucket(bucket)));
    }

    @Test
    void publicAccessBlockBlocksPublicPoliciesAndRestrictsThem() throws Exception {
        String bucket = bucketWith("a.txt");
        assertS3Error(404, "NoSuchPublicAccessBlockConfiguration",
                () -> server.client().getPublicAccessBlock(b -> b.bucket(bucket)));
        String publicGet = policy(statement("Allow", "\"*\"", "s3:GetObject", "arn:aws:s3:::" + bucket + "/*", null));
        server.client().putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(c -> c
                .blockPublicPolicy(true).blockPublicAcls(true)));
        var block = server.client().getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration();
        assertTrue(block.blockPublicPolicy() && block.blockPublicAcls());
        assertFalse(block.ignorePublicAcls() || block.restrictPublicBuckets());
        assertS3Error(403, "AccessDenied", () -> put(bucket, publicGet));

        server.client().putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(c -> c
                .restrictPublicBuckets(true)));
        put(bucket, publicGet);
        assertEquals(403, server.send(server.request("GET", "/" + bucket + "/a.txt")).status());
        assertEquals("content of a.txt", readerClient().getObjectAsBytes(b -> b.bucket(bucket).key("a.txt")).asUtf8String());
        server.client().deletePublicAccessBlock(b -> b.bucket(bucket));
        assertEquals(200, server.send(server.request("GET", "/" + bucket + "/a.txt")).status());
    }

    @Test
    void configPublicReadIsAPolicyAStoredDenyNarrows() throws Exception {
        assertEquals(200, server.send(server.request("GET", "/website/drafts.html")).status());
        assertTrue(server.client().getBucketPolicyStatus(b -> b.bucket("website")).policyStatus().isPublic());
        put("website", policy(statement("Deny", "\"*\"", "s3:GetObject", "arn:aws:s3:::website/drafts*", null)));
        try {
            assertS3Error(server.send(server.request("GET", "/website/drafts.html")), 403, "AccessDenied");
            assertEquals(200, server.send(server.request("GET", "/website/index.html")).status());
        } finally {
            server.client().deleteBucketPolicy(b -> b.bucket("website"));
        }
        assertEquals(200, server.send(server.request("GET", "/website/drafts.html")).status());
    }

    @Test
    void thePolicySurvivesARestartAndDiesWithItsBucket() throws Exception {
        String bucket = "kept-" + System.nanoTime();
        server.client().createBucket(b -> b.bucket(bucket));
        String json = policy(statement("Allow", user("reader"), "s3:GetObject", "arn:aws:s3:::" + bucket + "/*", null));
        put(bucket, json);
        server.restart();
        assertEquals(json, server.client().getBucketPolicy(b -> b.bucket(bucket)).policy());
        server.client().deleteBucket(b -> b.bucket(bucket));
        server.client().createBucket(b -> b.bucket(bucket));
        assertS3Error(404, "NoSuchBucketPolicy", () -> server.client().getBucketPolicy(b -> b.bucket(bucket)));
    }
}
