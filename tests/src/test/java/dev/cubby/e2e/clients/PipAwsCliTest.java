package dev.cubby.e2e.clients;

import dev.cubby.e2e.CubbyServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The newest AWS CLI v1, as pip installed it into the machine's own Python (with the newest botocore). */
@ClientMatrix(client = "AWS CLI v1 (pip)", version = {ClientBinaries.PIP_AWS_CLI, "--version"})
class PipAwsCliTest extends AwsCliScenarios {
    @RegisterExtension
    static final CubbyServer server = CubbyServer.withFixtureTree();

    @Override
    CubbyServer server() {
        return server;
    }

    @Override
    String binary() {
        return ClientBinaries.pipAwsCli().toString();
    }
}
