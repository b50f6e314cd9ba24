package dev.cubby.e2e.clients;

import dev.cubby.e2e.TestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The newest AWS CLI v1, as pip installed it into the machine's own Python (with the newest botocore). */
@ClientMatrix(client = "AWS CLI v1 (pip)", version = {ClientBinaries.PIP_AWS_CLI, "--version"})
class PipAwsCliTest extends AwsCliScenarios {
    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree();

    @Override
    TestServer server() {
        return server;
    }

    @Override
    String binary() {
        return ClientBinaries.pipAwsCli().toString();
    }
}
