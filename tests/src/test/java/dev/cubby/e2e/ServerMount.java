package dev.cubby.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A standalone {@code cubby mount} of a test server's root for a whole test class. Register it
 * after the server, with {@code @Order}, so that it is unmounted before the server's files go:
 *
 * <pre>
 * &#64;RegisterExtension &#64;Order(1) static final TestServer server = TestServer.empty();
 * &#64;RegisterExtension &#64;Order(2) static final ServerMount mount = ServerMount.of(server);
 * </pre>
 */
public final class ServerMount implements BeforeAllCallback, AfterAllCallback {
    private final TestServer server;
    private final String[] extra;
    private CubbyMount mount;

    private ServerMount(TestServer server, String[] extra) {
        this.server = server;
        this.extra = extra;
    }

    /** {@code extra}: arguments after {@code mount POINT --root ROOT}, such as {@code --config FILE}. */
    public static ServerMount of(TestServer server, String... extra) {
        return new ServerMount(server, extra);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server.start();
        mount = CubbyMount.start(server.root(), extra);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (mount != null) {
            mount.close();
        }
    }

    /** The path of a key through the mount. */
    public Path path(String bucket, String key) {
        return mount.path(bucket, key);
    }
}
