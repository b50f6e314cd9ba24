package dev.cubby.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jnr.unixsocket.UnixDatagramChannel;
import jnr.unixsocket.UnixSocketAddress;

/**
 * Tells systemd ({@code Type=notify}) that the server is ready, once its port answers.
 *
 * <p>The message goes to the datagram socket named by {@code NOTIFY_SOCKET}; without it (not run by
 * systemd) nothing happens. The JDK has no UNIX datagram sockets (only stream ones), so
 * jnr-unixsocket sends it. The alternative, running {@code systemd-notify --ready}, is racy before
 * systemd 254: the helper exits before systemd looks up which service its message belongs to, and
 * the message is dropped. Sending from the main process needs no {@code NotifyAccess=all} either.
 */
final class ServiceReadiness {
    private ServiceReadiness() {
    }

    /**
     * Sends {@code READY=1} once a TCP connection to {@code host:port} succeeds.
     *
     * @return false when not started by systemd (no NOTIFY_SOCKET), true once sent
     * @throws IOException when the port does not answer or the socket refuses the message
     */
    static boolean notifyReady(Map<String, String> env, String host, int port, String status) throws IOException {
        String socket = env.get("NOTIFY_SOCKET");
        if (socket == null || socket.isBlank()) {
            return false;
        }
        // The listener is bound when start returns; connecting proves it accepts, as clients will.
        try (var probe = new Socket()) {
            probe.connect(new InetSocketAddress(probeHost(host), port), 5_000);
        }
        String message = "READY=1\nSTATUS=" + status + "\nMAINPID=" + ProcessHandle.current().pid() + "\n";
        // A leading '@' names a socket in the abstract namespace, written with a NUL first.
        String path = socket.startsWith("@") ? "\0" + socket.substring(1) : socket;
        try (var channel = UnixDatagramChannel.open()) {
            channel.send(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)), new UnixSocketAddress(path));
        }
        return true;
    }

    /** A wildcard listen address is reached through loopback. */
    private static String probeHost(String host) {
        return switch (host) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "::1";
            default -> host;
        };
    }
}
