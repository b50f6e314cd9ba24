package dev.cubby.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.auth.AccessKey;
import dev.cubby.auth.Credential;
import dev.cubby.auth.KeyKind;
import dev.cubby.auth.KeyRing;
import dev.cubby.auth.PolicyVerdict;
import dev.cubby.config.Settings;
import dev.cubby.config.TlsSettings;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A few representative S3 calls through the whole request pipeline ({@link ServerParts}: real
 * store over a temporary tree, real SQLite sidecar, real signature check), written once and run
 * by {@link PipelineInProcessTest} through Helidon's in-process client and by
 * {@link PipelineOverSocketTest} over a real listener, as Helidon's own examples do.
 */
abstract class PipelineContract {
    static final Credential ADMIN = new Credential("AKIDPIPELINETEST0001", "pipelineTestSecret/0123456789+abcdefgh");
    static final String BUCKET = "photos";
    /** The Host every request names (and signs), whichever client carries it. */
    static final String HOST = "127.0.0.1";

    /** What the test policy was asked, for requests carrying {@code x-cubby-test=deny}. */
    private static final List<String> ASKED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static Path base;
    private static ServerParts parts;

    private final Http1Client client;

    PipelineContract(Http1Client client) {
        this.client = client;
    }

    /** Routes every request to a fresh {@link ServerParts} over a temporary tree with one bucket. */
    static void route(HttpRouting.Builder routing) {
        try {
            base = Files.createTempDirectory("cubby-pipeline-");
            Files.createDirectories(base.resolve("root").resolve(BUCKET));
            Path state = Files.createDirectories(base.resolve("state"));
            var settings = new Settings(base.resolve("root"), state, "127.0.0.1", 0, "us-east-1", null,
                    256L << 20, 0, Map.of(), Duration.ofDays(7), TlsSettings.OFF, null, false, Map.of(), 0,
                    Set.of(), Duration.ofMinutes(15));
            var keys = new KeyRing(null, List.of(new AccessKey(ADMIN, "admin", KeyKind.ADMIN, List.of(),
                    Instant.now(), null, null)), Clock.systemUTC());
            parts = ServerParts.start(settings, ADMIN, keys, 16, (principal, action, bucket, key, context) -> {
                if ("deny".equals(context.query().apply("x-cubby-test"))) {
                    ASKED.add(principal.accessKeyId() + " " + action + " " + bucket + " " + context.sourceIp() + " "
                            + context.secureTransport() + " " + (context.header().apply("host") != null));
                    return PolicyVerdict.DENY;
                }
                return PolicyVerdict.NONE;
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        routing.any(parts.endpoints());
    }

    @AfterAll
    static void closeParts() throws IOException {
        if (parts != null) {
            parts.close();
            parts = null;
        }
        try (Stream<Path> paths = Files.walk(base)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void anObjectPutIsReadListedHeadedAndDeleted() {
        String body = "hello through the pipeline\n";
        try (var put = send(Method.PUT, "/" + BUCKET + "/notes/a.txt", "", ADMIN, body)) {
            assertEquals(200, put.status().code());
            assertTrue(put.headers().contains(HeaderNames.ETAG));
        }
        assertTrue(Files.exists(base.resolve("root").resolve(BUCKET).resolve("notes/a.txt")),
                "the object is a plain file in the tree");
        try (var get = send(Method.GET, "/" + BUCKET + "/notes/a.txt", "", ADMIN, null)) {
            assertEquals(200, get.status().code());
            assertEquals(body, get.as(String.class));
        }
        try (var head = send(Method.HEAD, "/" + BUCKET + "/notes/a.txt", "", ADMIN, null)) {
            assertEquals(200, head.status().code());
            assertEquals(Long.toString(body.getBytes(StandardCharsets.UTF_8).length),
                    head.headers().get(HeaderNames.CONTENT_LENGTH).get());
        }
        try (var list = send(Method.GET, "/" + BUCKET, "list-type=2", ADMIN, null)) {
            assertEquals(200, list.status().code());
            assertTrue(list.as(String.class).contains("<Key>notes/a.txt</Key>"));
        }
        try (var delete = send(Method.DELETE, "/" + BUCKET + "/notes/a.txt", "", ADMIN, null)) {
            assertEquals(204, delete.status().code());
        }
        try (var gone = send(Method.HEAD, "/" + BUCKET + "/notes/a.txt", "", ADMIN, null)) {
            assertEquals(404, gone.status().code());
        }
    }

    @Test
    void aPolicyDenyRefusesEvenTheAdminAndIsAskedWithTheRequestsContext() {
        try (var list = send(Method.GET, "/" + BUCKET, "list-type=2&x-cubby-test=deny", ADMIN, null)) {
            assertEquals(403, list.status().code());
            assertTrue(list.as(String.class).contains("<Code>AccessDenied</Code>"));
        }
        assertTrue(ASKED.stream().anyMatch(asked -> asked.matches(ADMIN.accessKeyId()
                + " s3:ListBucket photos [0-9a-f.:]+ false true")), ASKED.toString());
    }

    @Test
    void aMissingKeyIsAnS3ErrorDocument() {
        try (var get = send(Method.GET, "/" + BUCKET + "/no/such.txt", "", ADMIN, null)) {
            assertEquals(404, get.status().code());
            assertTrue(get.headers().get(HeaderNames.CONTENT_TYPE).get().contains("xml"));
            String xml = get.as(String.class);
            assertTrue(xml.contains("<Code>NoSuchKey</Code>"), xml);
            assertTrue(xml.contains("<RequestId>"), xml);
            assertFalse(xml.contains(base.toString()), "no server path in an error body: " + xml);
        }
    }

    @Test
    void aRequestSignedWithAWrongSecretIsRefused() {
        var forger = new Credential(ADMIN.accessKeyId(), "notTheSecret/0123456789+abcdefghijklmnopq");
        try (var get = send(Method.GET, "/" + BUCKET, "list-type=2", forger, null)) {
            assertEquals(403, get.status().code());
            String xml = get.as(String.class);
            assertTrue(xml.contains("<Code>SignatureDoesNotMatch</Code>"), xml);
        }
    }

    @Test
    void anUnsignedWriteIsRefused() {
        try (var put = client.method(Method.PUT).path("/" + BUCKET + "/anonymous.txt")
                .header(HeaderNames.HOST, HOST).submit("x")) {
            assertEquals(403, put.status().code());
            assertTrue(put.as(String.class).contains("<Code>AccessDenied</Code>"));
        }
        assertFalse(Files.exists(base.resolve("root").resolve(BUCKET).resolve("anonymous.txt")),
                "a refused write leaves nothing in the tree");
    }

    /** Sends a request signed (SigV4, header auth, unsigned payload) with {@code credential}. */
    private Http1ClientResponse send(Method method, String path, String query, Credential credential, String body) {
        Http1ClientRequest request = client.method(method).path(path);
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                String[] nameValue = pair.split("=", 2);
                request.queryParam(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
            }
        }
        TestSigner.sign(credential, method.text(), path, query).forEach(
                (name, value) -> request.header(HeaderNames.create(name), value));
        return body == null ? request.request() : request.submit(body);
    }
}
