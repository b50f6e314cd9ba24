package dev.cubby.e2e.clients;

import dev.cubby.e2e.TestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Debian's python3-boto3 under Debian's /usr/bin/python3. */
@ClientMatrix(client = "boto3 (Debian python3-boto3)",
        version = {"/usr/bin/python3", "-c", "import boto3; print(boto3.__version__)"})
class DebianBoto3Test extends Boto3Scenarios {
    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree();

    @Override
    TestServer server() {
        return server;
    }

    @Override
    String python() {
        return ClientBinaries.debian("python3", "python3-boto3");
    }
}
