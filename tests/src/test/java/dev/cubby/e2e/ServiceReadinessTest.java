package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Type=notify} without systemd: a python3 listener stands in for systemd's notify socket,
 * and at the moment READY=1 arrives it asks the server's health probe, which must already answer.
 */
class ServiceReadinessTest {
    /** Binds the socket, says so, then waits for one message and probes the URL in its STATUS. */
    private static final String LISTENER = """
            import re, socket, sys, urllib.request
            s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            s.bind(sys.argv[1].replace('@', '\\0', 1) if sys.argv[1].startswith('@') else sys.argv[1])
            s.settimeout(60)
            print('bound', flush=True)
            message = s.recv(4096).decode()
            url = re.search(r'STATUS=.* at (http://\\S+)', message).group(1)
            try:
                status = urllib.request.urlopen(url + '/-/health', timeout=5).status
            except Exception as e:
                status = repr(e)
            print('health=%s' % status)
            print(message)
            """;

    @TempDir
    Path dir;

    @Test
    void readyIsSentToAPathSocketOnceHealthAnswers() throws Exception {
        String output = notification(dir.resolve("notify").toString());

        assertTrue(output.contains("health=200"), output);
        assertTrue(output.contains("READY=1\n"), output);
        assertTrue(output.contains("MAINPID="), output);
    }

    @Test
    void readyIsSentToAnAbstractSocket() throws Exception {
        String output = notification("@cubby-notify-test-" + ProcessHandle.current().pid());

        assertTrue(output.contains("health=200"), output);
        assertTrue(output.contains("READY=1\n"), output);
    }

    private String notification(String socket) throws Exception {
        Path script = Files.writeString(dir.resolve("listener.py"), LISTENER);
        Process listener = new ProcessBuilder("python3", script.toString(), socket).redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(listener.getInputStream(), StandardCharsets.UTF_8));
             var server = TestServer.empty().env("NOTIFY_SOCKET", socket)) {
            assertEquals("bound", out.readLine(), "the python3 listener did not start");
            server.start();
            assertTrue(listener.waitFor(30, TimeUnit.SECONDS), "no READY message within 30 s; server log:\n"
                    + server.log());
            return String.join("\n", out.lines().toList()) + "\n";
        } finally {
            listener.destroyForcibly();
        }
    }
}
