package dev.cubby.e2e.clients;

import dev.cubby.e2e.TestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Debian's AWS CLI v2 package (awscli). */
@ClientMatrix(client = "AWS CLI v2 (Debian awscli)", version = {"/usr/bin/aws", "--version"})
class DebianAwsCliTest extends AwsCliScenarios {
    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree();

    @Override
    TestServer server() {
        return server;
    }

    @Override
    String binary() {
        return ClientBinaries.debian("aws", "awscli");
    }
}
