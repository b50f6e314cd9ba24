package dev.cubby.e2e;

import static dev.cubby.e2e.TestServer.ACCESS_KEY;
import static dev.cubby.e2e.TestServer.REGION;
import static dev.cubby.e2e.TestServer.SECRET_KEY;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.apache.hc.client5.http.DnsResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The AWS SDK clients of one {@link TestServer}, signed with its admin key, their error bodies
 * recorded for its check; all closed with the server.
 */
final class SdkClients implements AutoCloseable {
    private final Supplier<URI> endpoint;
    private final IntSupplier port;
    private final ErrorBodies errorBodies;
    private final List<AutoCloseable> made = new ArrayList<>();
    private S3Client shared;

    SdkClients(Supplier<URI> endpoint, IntSupplier port, ErrorBodies errorBodies) {
        this.endpoint = endpoint;
        this.port = port;
        this.errorBodies = errorBodies;
    }

    /** The shared path-style client with the SDK's default settings. */
    synchronized S3Client shared() {
        if (shared == null) {
            shared = pathStyle(builder -> { });
        }
        return shared;
    }

    /** A new path-style client with default settings and then {@code customizer}. */
    synchronized S3Client pathStyle(Consumer<S3ClientBuilder> customizer) {
        S3ClientBuilder builder = S3Client.builder()
                .endpointOverride(endpoint.get())
                .region(REGION)
                .forcePathStyle(true)
                .credentialsProvider(credentials(ACCESS_KEY, SECRET_KEY))
                .httpClientBuilder(Apache5HttpClient.builder());
        customizer.accept(builder);
        return kept(scanned(builder).build());
    }

    /**
     * A virtual-host-style client: it sends {@code Host: bucket.localhost:PORT}, so the server must run
     * with {@code --domain localhost}. Every name under localhost resolves to the loopback address
     * here, since the system resolver may not know {@code bucket.localhost}.
     */
    synchronized S3Client virtualHost(Consumer<S3ClientBuilder> customizer) {
        S3ClientBuilder builder = S3Client.builder()
                .endpointOverride(URI.create("http://localhost:" + port.getAsInt()))
                .region(REGION)
                .forcePathStyle(false)
                .credentialsProvider(credentials(ACCESS_KEY, SECRET_KEY))
                .httpClientBuilder(Apache5HttpClient.builder().dnsResolver(new LocalhostResolver()));
        customizer.accept(builder);
        return kept(scanned(builder).build());
    }

    synchronized S3Presigner presigner() {
        return kept(S3Presigner.builder()
                .endpointOverride(endpoint.get())
                .region(REGION)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(credentials(ACCESS_KEY, SECRET_KEY))
                .build());
    }

    static StaticCredentialsProvider credentials(String accessKey, String secretKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    /** The client's error bodies go to {@link ErrorBodies}, beside whatever the test configured. */
    private S3ClientBuilder scanned(S3ClientBuilder builder) {
        return builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .addExecutionInterceptor(errorBodies.interceptor()).build());
    }

    private <T extends AutoCloseable> T kept(T client) {
        made.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable client : made) {
            try {
                client.close();
            } catch (Exception ignored) {
                // closing clients must not hide a test's result
            }
        }
        made.clear();
        shared = null;
    }

    /** Resolves localhost and every name under it to 127.0.0.1. */
    private static final class LocalhostResolver implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws java.net.UnknownHostException {
            if (host.equals("localhost") || host.endsWith(".localhost")) {
                return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
            }
            throw new java.net.UnknownHostException(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
