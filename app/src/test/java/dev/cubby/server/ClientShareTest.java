package dev.cubby.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ClientShareTest {
    @Test
    void oneAddressTakesItsShareAndOthersStillEnter() throws Exception {
        InetAddress busy = InetAddress.getByName("192.0.2.1");
        InetAddress other = InetAddress.getByName("192.0.2.2");
        var share = new ClientShare(2);

        assertTrue(share.tryEnter(busy));
        assertTrue(share.tryEnter(busy));
        assertFalse(share.tryEnter(busy), "its share is used up");
        assertTrue(share.tryEnter(other), "another address still enters");

        share.leave(busy);
        assertTrue(share.tryEnter(busy), "a place given back can be taken again");
    }
}
