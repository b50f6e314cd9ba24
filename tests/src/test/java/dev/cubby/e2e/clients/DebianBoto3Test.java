package dev.cubby.e2e.clients;

import dev.cubby.e2e.CubbyServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Debian's python3-boto3 under Debian's /usr/bin/python3. */
@ClientMatrix(client = "boto3 (Debian python3-boto3)",
        version = {"/usr/bin/python3", "-c", "import boto3; print(boto3.__version__)"})
class DebianBoto3Test extends Boto3Scenarios {
    @RegisterExtension
    static final CubbyServer server = CubbyServer.withFixtureTree();

    @Override
    CubbyServer server() {
        return server;
    }

    @Override
    String python() {
        return ClientBinaries.debian("python3", "python3-boto3");
    }
}
