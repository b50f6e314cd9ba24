package dev.cubby.e2e.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.e2e.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's AWS CLI over HTTPS to the self-signed certificate, trusted the two ways the README
 * shows: {@code --ca-bundle} and {@code AWS_CA_BUNDLE}; without either it refuses the server.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AwsCliHttpsTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty().args("--tls").https();

    @TempDir
    Path work;

    private Map<String, String> env() {
        var env = new HashMap<String, String>();
        env.put("AWS_ACCESS_KEY_ID", TestServer.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", TestServer.SECRET_KEY);
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", work.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-credentials").toString());
        env.put("HOME", work.toString());
        return env;
    }

    private List<String> aws(String... args) {
        return ClientProcess.command(ClientBinaries.debian("aws", "awscli"),
                List.of("--endpoint-url", server.endpoint().toString()), args);
    }

    private String certificate() {
        return server.state().resolve("tls/cert.pem").toString();
    }

    @Test
    void copiesUpAndListsWithTheCertificateGivenAsCaBundle() throws Exception {
        String bucket = server.newBucket("cli-tls");
        Path file = Files.writeString(work.resolve("hello.txt"), "hello over TLS\n");

        ClientProcess.ok(work, env(), aws("--ca-bundle", certificate(), "s3", "cp", file.toString(),
                "s3://" + bucket + "/hello.txt"));
        assertEquals("hello over TLS\n", Files.readString(server.file(bucket, "hello.txt")));

        Map<String, String> viaEnvironment = env();
        viaEnvironment.put("AWS_CA_BUNDLE", certificate());
        String listing = ClientProcess.ok(work, viaEnvironment, aws("s3", "ls", "s3://" + bucket + "/"));
        assertTrue(listing.contains("hello.txt"), listing);
    }

    @Test
    void withoutTrustingTheCertificateTheCliRefusesTheServer() throws Exception {
        Map<String, String> systemBundle = env();
        systemBundle.put("AWS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt");

        var result = ClientProcess.run(work, systemBundle, aws("s3", "ls"));

        assertNotEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("CERTIFICATE_VERIFY_FAILED"), result.output());
    }
}
