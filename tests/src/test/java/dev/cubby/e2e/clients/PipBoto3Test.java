package dev.cubby.e2e.clients;

import dev.cubby.e2e.TestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The newest boto3, in the machine's own Python (pip). */
@ClientMatrix(client = "boto3 (pip)",
        version = {ClientBinaries.NEWEST_PYTHON, "-c", "import boto3; print(boto3.__version__)"})
class PipBoto3Test extends Boto3Scenarios {
    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree();

    @Override
    TestServer server() {
        return server;
    }

    @Override
    String python() {
        return ClientBinaries.newestPython().toString();
    }
}
