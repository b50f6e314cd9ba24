package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static dev.cubby.e2e.TestServer.ACCESS_KEY;
import static dev.cubby.e2e.TestServer.SECRET_KEY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.ResponseTransformer;

/**
 * Browser POST uploads (S3's POST Object) against the real server: forms signed with SigV4 and
 * SigV2 by hand, each policy condition failing on its own, key grants, quotas, the result status
 * options, a 20 MiB file streamed in chunks, and the page {@code cubby share --upload} writes,
 * posted with curl.
 */
class PostObjectTest {
    private static final String REGION = TestServer.REGION.id();
    private static final Path CONFIG = ConfigFiles.write("""
            quotas:
              small: 1MiB
            """);

    @RegisterExtension
    static final TestServer server = TestServer.empty().args("--config", CONFIG.toString())
            .tree(root -> Files.createDirectory(root.resolve("small")));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static Instant inAnHour() {
        return Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    /** A SigV4 form by the admin key for {@code bucket/key} whose policy has these conditions (plus its own). */
    private static BrowserForm v4Form(String key, Instant expiration, String... conditions) {
        Instant now = Instant.now();
        var all = new ArrayList<>(List.of(conditions));
        all.addAll(List.of(BrowserForm.v4Conditions(ACCESS_KEY, REGION, now)));
        return new BrowserForm().field("key", key)
                .signV4(ACCESS_KEY, SECRET_KEY, REGION, now, BrowserForm.policy(expiration, all.toArray(String[]::new)));
    }

    private static RawResponse post(String bucket, byte[] body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(server.endpoint().resolve("/" + bucket))
                .header("Content-Type", BrowserForm.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return RawResponse.of(HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static byte[] stored(String bucket, String key) throws IOException {
        return server.client().getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toBytes()).asByteArray();
    }

    private static boolean exists(String bucket, String key) {
        return Files.exists(server.file(bucket, key));
    }

    @Test
    void aSigV4SignedFormStoresTheFileWithItsMetadata() throws Exception {
        String bucket = server.newBucket("v4");
        byte[] file = "hello from a browser\n".getBytes();
        var form = new BrowserForm().field("key", "in/hello.txt").field("Content-Type", "text/plain")
                .field("x-amz-meta-owner", "anna").field("Cache-Control", "no-cache");
        Instant now = Instant.now();
        var conditions = new ArrayList<>(List.of("{\"bucket\": \"" + bucket + "\"}", "[\"starts-with\", \"$key\", \"in/\"]",
                "[\"eq\", \"$Content-Type\", \"text/plain\"]", "[\"starts-with\", \"$x-amz-meta-owner\", \"an\"]",
                "{\"cache-control\": \"no-cache\"}", "[\"content-length-range\", 1, 1024]"));
        conditions.addAll(List.of(BrowserForm.v4Conditions(ACCESS_KEY, REGION, now)));
        form.signV4(ACCESS_KEY, SECRET_KEY, REGION, now, BrowserForm.policy(inAnHour(), conditions.toArray(String[]::new)));
        var response = post(bucket, form.body("hello.txt", file));
        assertEquals(204, response.status(), response.toString());
        assertEquals(Digests.etag(file), response.header("ETag"));
        assertEquals("/" + bucket + "/in/hello.txt", response.header("Location"));
        assertArrayEquals(file, stored(bucket, "in/hello.txt"));
        var head = server.client().headObject(b -> b.bucket(bucket).key("in/hello.txt"));
        assertEquals("text/plain", head.contentType());
        assertEquals("no-cache", head.cacheControl());
        assertEquals(Map.of("owner", "anna"), head.metadata());
        assertEquals(Digests.etag(file), head.eTag());
    }

    @Test
    void aSigV2SignedFormStoresTheFile() throws Exception {
        String bucket = server.newBucket("v2");
        String policy = BrowserForm.policy(inAnHour(), "{\"bucket\": \"" + bucket + "\"}",
                "[\"starts-with\", \"$key\", \"\"]");
        var form = new BrowserForm().field("key", "v2.bin").signV2(ACCESS_KEY, SECRET_KEY, policy);
        var response = post(bucket, form.body("v2.bin", new byte[]{1, 2, 3}));
        assertEquals(204, response.status(), response.toString());
        assertArrayEquals(new byte[]{1, 2, 3}, stored(bucket, "v2.bin"));
    }

    @Test
    void aWrongSignatureOrAnUnknownKeyIsRefusedAndNothingIsStored() throws Exception {
        String bucket = server.newBucket("badsig");
        String policy = BrowserForm.policy(inAnHour(), "{\"bucket\": \"" + bucket + "\"}",
                "[\"starts-with\", \"$key\", \"\"]");
        var wrongSecret = new BrowserForm().field("key", "x").signV2(ACCESS_KEY, "not-the-secret", policy);
        assertS3Error(post(bucket, wrongSecret.body("x", new byte[]{1})), 403, "SignatureDoesNotMatch");
        var unknown = new BrowserForm().field("key", "x").signV2("AKIDNOSUCHKEY0000000", SECRET_KEY, policy);
        assertS3Error(post(bucket, unknown.body("x", new byte[]{1})), 403, "InvalidAccessKeyId");
        var anonymous = new BrowserForm().field("key", "x");
        assertS3Error(post(bucket, anonymous.body("x", new byte[]{1})), 403, "AccessDenied");
        assertFalse(exists(bucket, "x"));
    }

    @Test
    void anExpiredPolicyIsDenied() throws Exception {
        String bucket = server.newBucket("expired");
        var form = v4Form("late.txt", Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS),
                "{\"bucket\": \"" + bucket + "\"}", "[\"starts-with\", \"$key\", \"\"]");
        var response = post(bucket, form.body("late.txt", new byte[]{1}));
        assertS3Error(response, 403, "AccessDenied");
        assertTrue(response.text().contains("Invalid according to Policy: Policy expired."), response.text());
        assertFalse(exists(bucket, "late.txt"));
    }

    @Test
    void eachFailingConditionIsDeniedAndStoresNothing() throws Exception {
        String bucket = server.newBucket("cond");
        String bucketOk = "{\"bucket\": \"" + bucket + "\"}";
        String keyOk = "[\"starts-with\", \"$key\", \"in/\"]";
        Map<String, BrowserForm> failing = new LinkedHashMap<>();
        failing.put("another bucket", v4Form("in/a", inAnHour(), "{\"bucket\": \"elsewhere\"}", keyOk));
        failing.put("key outside the prefix", v4Form("out/a", inAnHour(), bucketOk, keyOk));
        failing.put("eq on a meta field", v4Form("in/a", inAnHour(), bucketOk, keyOk,
                "[\"eq\", \"$x-amz-meta-tag\", \"blue\"]").field("x-amz-meta-tag", "red"));
        failing.put("a condition's field missing", v4Form("in/a", inAnHour(), bucketOk, keyOk,
                "[\"starts-with\", \"$x-amz-meta-tag\", \"\"]"));
        failing.put("content type prefix", v4Form("in/a", inAnHour(), bucketOk, keyOk,
                "[\"starts-with\", \"$Content-Type\", \"image/\"]").field("Content-Type", "text/html"));
        failing.put("a field no condition names", v4Form("in/a", inAnHour(), bucketOk, keyOk)
                .field("x-amz-meta-sneaky", "1"));
        failing.put("success_action_status", v4Form("in/a", inAnHour(), bucketOk, keyOk,
                "{\"success_action_status\": \"201\"}").field("success_action_status", "200"));
        failing.put("no bucket condition", v4Form("in/a", inAnHour(), keyOk));
        for (var entry : failing.entrySet()) {
            var response = post(bucket, entry.getValue().body("a", new byte[]{1}));
            assertEquals(403, response.status(), entry.getKey() + ": " + response);
            assertEquals("AccessDenied", response.errorCode(), entry.getKey());
            assertTrue(response.text().contains("Invalid according to Policy"), entry.getKey() + ": " + response.text());
        }
        assertFalse(exists(bucket, "in/a"));
        assertFalse(exists(bucket, "out/a"));
    }

    @Test
    void checksumTaggingAndAclFieldsActAsTheirPutObjectHeaders() throws Exception {
        String bucket = server.newBucket("fields");
        byte[] file = "checked".getBytes();
        String sha256 = java.util.Base64.getEncoder().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(file));
        String[] base = {"{\"bucket\": \"" + bucket + "\"}", "[\"starts-with\", \"$key\", \"\"]",
                "[\"starts-with\", \"$tagging\", \"\"]", "[\"starts-with\", \"$acl\", \"\"]"};
        String[] plain = {base[0], base[1]};
        var wrong = post(bucket, v4Form("sum", inAnHour(), plain).field("x-amz-checksum-sha256",
                sha256.replace(sha256.charAt(0), sha256.charAt(0) == 'A' ? 'B' : 'A')).body("sum", file));
        assertS3Error(wrong, 400, "BadDigest");
        assertFalse(exists(bucket, "sum"));
        String tagging = "<Tagging><TagSet><Tag><Key>from</Key><Value>form</Value></Tag></TagSet></Tagging>";
        var right = post(bucket, v4Form("sum", inAnHour(), base).field("x-amz-checksum-sha256", sha256)
                .field("tagging", tagging).field("acl", "private").body("sum", file));
        assertEquals(204, right.status(), right.toString());
        assertEquals(sha256, right.header("x-amz-checksum-sha256"));
        var tags = server.client().getObjectTagging(b -> b.bucket(bucket).key("sum")).tagSet();
        assertEquals("from=form", tags.getFirst().key() + "=" + tags.getFirst().value());
        var publicAcl = post(bucket, v4Form("open", inAnHour(), base).field("tagging", tagging)
                .field("acl", "public-read").body("open", file));
        // the acl field is applied as x-amz-acl on a PUT: anyone may read the object then
        assertEquals(204, publicAcl.status(), publicAcl.toString());
        assertEquals(200, server.send(server.request("GET", "/" + bucket + "/open")).status());
        assertEquals(403, server.send(server.request("GET", "/" + bucket + "/sum")).status());
    }

    @Test
    void theFileIsHeldToTheContentLengthRange() throws Exception {
        String bucket = server.newBucket("range");
        String[] conditions = {"{\"bucket\": \"" + bucket + "\"}", "[\"starts-with\", \"$key\", \"\"]",
                "[\"content-length-range\", 2, 10]"};
        assertS3Error(post(bucket, v4Form("big", inAnHour(), conditions).body("big", new byte[11])), 400, "EntityTooLarge");
        assertS3Error(post(bucket, v4Form("tiny", inAnHour(), conditions).body("tiny", new byte[1])), 400, "EntityTooSmall");
        assertEquals(204, post(bucket, v4Form("fits", inAnHour(), conditions).body("fits", new byte[10])).status());
        assertFalse(exists(bucket, "big"));
        assertFalse(exists(bucket, "tiny"));
        try (Stream<Path> left = Files.list(server.root().resolve(bucket))) {
            assertEquals(List.of("fits"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void theSignersGrantsRefuseAnotherPrefix() throws Exception {
        String bucket = server.newBucket("grants");
        var key = CubbyCli.createKey(server.state(), "dropper", List.of(bucket + "/in/:rw"));
        Instant now = Instant.now();
        var conditions = new ArrayList<>(List.of("{\"bucket\": \"" + bucket + "\"}", "[\"starts-with\", \"$key\", \"\"]"));
        conditions.addAll(List.of(BrowserForm.v4Conditions(key.accessKeyId(), REGION, now)));
        String policy = BrowserForm.policy(inAnHour(), conditions.toArray(String[]::new));
        var outside = new BrowserForm().field("key", "out/x.txt").signV4(key.accessKeyId(), key.secret(), REGION, now, policy);
        var refused = post(bucket, outside.body("x.txt", new byte[]{1}));
        assertS3Error(refused, 403, "AccessDenied");
        assertTrue(refused.text().contains("may not write"), refused.text());
        var inside = new BrowserForm().field("key", "in/x.txt").signV4(key.accessKeyId(), key.secret(), REGION, now, policy);
        assertEquals(204, post(bucket, inside.body("x.txt", new byte[]{1})).status());
        assertFalse(exists(bucket, "out/x.txt"));
        assertTrue(exists(bucket, "in/x.txt"));
    }

    @Test
    void theKeyTakesTheFilesNameForFilename() throws Exception {
        String bucket = server.newBucket("filename");
        var form = v4Form("photos/${filename}", inAnHour(), "{\"bucket\": \"" + bucket + "\"}",
                "[\"starts-with\", \"$key\", \"photos/\"]");
        var response = post(bucket, form.body("beach day.jpg", "jpeg".getBytes()));
        assertEquals(204, response.status(), response.toString());
        assertArrayEquals("jpeg".getBytes(), stored(bucket, "photos/beach day.jpg"));
    }

    @Test
    void createdAnswerIsAPostResponseWithoutNamespaceAsS3SendsIt() throws Exception {
        String bucket = server.newBucket("plainxml");
        var created = post(bucket, v4Form("plain.txt", inAnHour(), "{\"bucket\": \"" + bucket + "\"}",
                "[\"starts-with\", \"$key\", \"\"]", "[\"starts-with\", \"$success_action_status\", \"\"]")
                .field("success_action_status", "201").body("f", "p".getBytes()));
        assertEquals(201, created.status(), created.toString());
        var root = created.xml().getDocumentElement();
        assertEquals("PostResponse", root.getLocalName());
        assertNull(root.getNamespaceURI(), new String(created.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("plain.txt", Xml.text(root, "Key"));
    }

    @Test
    void successActionStatusAndRedirectShapeTheAnswer() throws Exception {
        String bucket = server.newBucket("status");
        String[] base = {"{\"bucket\": \"" + bucket + "\"}", "[\"starts-with\", \"$key\", \"\"]",
                "[\"starts-with\", \"$success_action_status\", \"\"]"};
        var ok = post(bucket, v4Form("s200", inAnHour(), base).field("success_action_status", "200").body("f", new byte[]{1}));
        assertEquals(200, ok.status(), ok.toString());
        assertEquals(0, ok.body().length);
        var created = post(bucket, v4Form("s201", inAnHour(), base).field("success_action_status", "201").body("f", new byte[]{1}));
        assertEquals(201, created.status(), created.toString());
        assertEquals("s201", Xml.text(created.xml(), "Key"));
        assertEquals(bucket, Xml.text(created.xml(), "Bucket"));
        assertEquals(Digests.etag(new byte[]{1}), Xml.text(created.xml(), "ETag"));
        var other = post(bucket, v4Form("s999", inAnHour(), base).field("success_action_status", "999").body("f", new byte[]{1}));
        assertEquals(204, other.status(), other.toString());

        String target = "https://nas.example/thanks?from=form";
        var redirected = post(bucket, v4Form("to go/r.txt", inAnHour(), "{\"bucket\": \"" + bucket + "\"}",
                "[\"starts-with\", \"$key\", \"\"]", "{\"success_action_redirect\": \"" + target + "\"}")
                .field("success_action_redirect", target).body("f", "r".getBytes()));
        assertEquals(303, redirected.status(), redirected.toString());
        assertEquals(target + "&bucket=" + bucket + "&key=to%20go%2Fr.txt&etag=%22" + Digests.md5Hex("r".getBytes()) + "%22",
                redirected.header("Location"));
    }

    @Test
    void aTwentyMebibyteFileStreamsInChunksOfUnknownLength() throws Exception {
        String bucket = server.newBucket("large");
        int size = 20 << 20;
        byte[] file = new byte[size];
        new Random(17).nextBytes(file);
        var form = v4Form("big.bin", inAnHour(), "{\"bucket\": \"" + bucket + "\"}", "[\"starts-with\", \"$key\", \"\"]",
                "[\"content-length-range\", 0, " + size + "]");
        // ofInputStream: sent with Transfer-Encoding: chunked, no Content-Length to size the body by
        var request = HttpRequest.newBuilder(server.endpoint().resolve("/" + bucket))
                .header("Content-Type", BrowserForm.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> form.stream("big.bin",
                        new java.io.ByteArrayInputStream(file)))).build();
        var response = RawResponse.of(HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        assertEquals(204, response.status(), response.toString());
        assertEquals(Digests.etag(file), response.header("ETag"));
        assertArrayEquals(file, Files.readAllBytes(server.file(bucket, "big.bin")));
    }

    @Test
    void theBucketsQuotaApplies() throws Exception {
        var form = v4Form("over.bin", inAnHour(), "{\"bucket\": \"small\"}", "[\"starts-with\", \"$key\", \"\"]");
        var response = post("small", form.body("over.bin", new byte[2 << 20]));
        assertS3Error(response, 403, "QuotaExceeded");
        assertFalse(exists("small", "over.bin"));
    }

    @Test
    void brokenFramingAndOversizedFieldsAreClearErrors() throws Exception {
        String bucket = server.newBucket("raw");
        // A signed form whose body ends inside the file: the write has begun and must leave nothing.
        byte[] whole = v4Form("k", inAnHour(), "{\"bucket\": \"" + bucket + "\"}", "[\"starts-with\", \"$key\", \"\"]")
                .body("k", "no closing boundary".getBytes());
        int fileAt = new String(whole, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("no closing boundary");
        byte[] truncated = java.util.Arrays.copyOf(whole, fileAt + 5);
        var cut = server.send(server.request("POST", "/" + bucket).withHeader("Content-Type", BrowserForm.contentType())
                .withBody(truncated));
        assertS3Error(cut, 400, "MalformedPOSTRequest");
        var notAForm = server.send(server.request("POST", "/" + bucket).withHeader("Content-Type", "text/plain")
                .withBody("hello".getBytes()));
        assertS3Error(notAForm, 400, "MalformedPOSTRequest");
        var huge = new BrowserForm().field("key", "k").field("x-ignore-padding", "p".repeat(21 * 1024));
        var tooLarge = server.send(server.request("POST", "/" + bucket).withHeader("Content-Type", BrowserForm.contentType())
                .withBody(huge.body("k", new byte[]{1})));
        assertS3Error(tooLarge, 400, "MaxPostPreDataLengthExceededError");
        var noFile = "--" + BrowserForm.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nk\r\n--"
                + BrowserForm.BOUNDARY + "--\r\n";
        assertS3Error(server.send(server.request("POST", "/" + bucket).withHeader("Content-Type", BrowserForm.contentType())
                .withBody(noFile.getBytes())), 400, "InvalidArgument");
        assertFalse(exists(bucket, "k"));
    }

    @Test
    void theShareUploadPagePostsWithCurl() throws Exception {
        String bucket = server.newBucket("inbox");
        Path page = server.base().resolve("upload.html");
        var shared = CubbyCli.run("share", "--upload", bucket + "/from-anna/", "--expires", "1h", "--max-size", "1KiB",
                "--html", page.toString(), "--state", server.state().toString(),
                "--endpoint", server.endpoint().toString()).requireSuccess();
        assertTrue(shared.err().contains("share key"), shared.err());
        String html = Files.readString(page);
        assertFalse(html.contains("<script") || html.contains("src=") || html.contains("<link"),
                "the page is self-contained:\n" + html);
        var fields = new LinkedHashMap<String, String>();
        var hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(html);
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&quot;", "\"").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&#39;", "'").replace("&amp;", "&"));
        }
        var action = Pattern.compile("<form action=\"([^\"]+)\"").matcher(html);
        assertTrue(action.find(), html);
        assertEquals(server.endpoint().resolve("/" + bucket).toString(), action.group(1));

        Path note = Files.writeString(server.base().resolve("note.txt"), "dropped in\n");
        var posted = curl(action.group(1), fields, note);
        assertTrue(posted.contains("201"), posted);
        assertTrue(posted.contains("<Key>from-anna/note.txt</Key>"), posted);
        assertEquals("dropped in\n", Files.readString(server.file(bucket, "from-anna/note.txt")));

        Path big = Files.write(server.base().resolve("big.bin"), new byte[2048]);
        String tooBig = curl(action.group(1), fields, big);
        assertTrue(tooBig.contains("EntityTooLarge"), tooBig);
        var elsewhere = new LinkedHashMap<>(fields);
        elsewhere.put("key", "elsewhere/${filename}");
        String refused = curl(action.group(1), elsewhere, note);
        assertTrue(refused.contains("AccessDenied"), refused);
        assertFalse(exists(bucket, "from-anna/big.bin"));
        assertFalse(exists(bucket, "elsewhere/note.txt"));
    }

    /** {@code curl -F} each field then the file, as a shell user would; answers status line and body. */
    private static String curl(String url, Map<String, String> fields, Path file) throws Exception {
        var command = new ArrayList<>(List.of("curl", "-s", "-w", "\n%{http_code}\n"));
        fields.forEach((name, value) -> command.addAll(List.of("--form-string", name + "=" + value)));
        command.addAll(List.of("-F", "file=@" + file, url));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (InputStream in = process.getInputStream()) {
            out = new String(in.readAllBytes());
        }
        assertEquals(0, process.waitFor(), out);
        return out;
    }
}
