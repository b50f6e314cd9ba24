package dev.cubby.server;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

/** The pipeline's contract over a real listener on a port it bound itself (Helidon's port 0). */
@ServerTest
class PipelineOverSocketTest extends PipelineContract {
    PipelineOverSocketTest(Http1Client client) {
        super(client);
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        route(routing);
    }
}
