package dev.cubby.server;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

/** The pipeline's contract through Helidon's in-process client: routing and handlers, no socket. */
@RoutingTest
class PipelineInProcessTest extends PipelineContract {
    PipelineInProcessTest(DirectClient client) {
        super(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        route(routing);
    }
}
