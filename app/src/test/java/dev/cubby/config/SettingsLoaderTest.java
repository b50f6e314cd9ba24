package dev.cubby.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    @Test
    void flagsBeatEnvironmentWhichBeatsTheConfigFile() throws Exception {
        Path file = Files.writeString(dir.resolve("cubby.yaml"), """
                root: /srv/from-file
                port: 9100
                region: eu-west-1
                domain: nas.local
                buckets:
                  photos: /srv/Photos 2024
                """);
        var env = Map.of("CUBBY_PORT", "9200", "CUBBY_REGION", "eu-central-1");
        var flags = new HashMap<String, String>();
        flags.put("port", "9300");
        Settings s = SettingsLoader.load(file, env, flags);
        assertEquals(Path.of("/srv/from-file"), s.root());
        assertEquals(9300, s.port());
        assertEquals("eu-central-1", s.region());
        assertEquals("nas.local", s.domain());
        assertEquals(Map.of("photos", Path.of("/srv/Photos 2024")), s.buckets());
        assertEquals("127.0.0.1", s.address());
        assertEquals(256L << 20, s.hashOnReadLimit());
    }

    @Test
    void stateDefaultsToXdgStateHomeThenHome() {
        var flags = Map.<String, String>of();
        assertEquals(Path.of("/x/state/cubby"), SettingsLoader.load(null,
                Map.of("CUBBY_ROOT", "/r", "XDG_STATE_HOME", "/x/state", "HOME", "/h"), flags).stateDir());
        assertEquals(Path.of("/h/.local/state/cubby"),
                SettingsLoader.load(null, Map.of("CUBBY_ROOT", "/r", "HOME", "/h"), flags).stateDir());
    }

    @Test
    void missingRootAndUnknownSettingsAreClearErrors() throws Exception {
        var noRoot = assertThrows(SettingsException.class, () -> SettingsLoader.load(null, Map.of(), Map.of()));
        assertTrue(noRoot.getMessage().contains("--root"));
        Path file = Files.writeString(dir.resolve("bad.yaml"), "root: /x\nprot: 9000\n");
        var unknown = assertThrows(SettingsException.class, () -> SettingsLoader.load(file, Map.of(), Map.of()));
        assertTrue(unknown.getMessage().contains("prot"), unknown.getMessage());
        var badPort = assertThrows(SettingsException.class,
                () -> SettingsLoader.load(null, Map.of("CUBBY_ROOT", "/x", "CUBBY_PORT", "http"), Map.of()));
        assertTrue(badPort.getMessage().contains("port"));
    }

    @Test
    void mountInTheServingProcessIsOffUnlessAFolderIsGiven() throws Exception {
        assertEquals(null, SettingsLoader.load(null, Map.of("CUBBY_ROOT", "/r"), Map.of()).mount());
        Path file = Files.writeString(dir.resolve("mount.yaml"), "root: /r\nmount: /mnt/nas\n");
        assertEquals(Path.of("/mnt/nas"), SettingsLoader.load(file, Map.of(), Map.of()).mount());
        assertEquals(Path.of("/mnt/other"),
                SettingsLoader.load(file, Map.of("CUBBY_MOUNT", "/mnt/other"), Map.of()).mount());
    }

    @Test
    void issueSixSettingsHaveSafeDefaults() {
        Settings s = SettingsLoader.load(null, Map.of("CUBBY_ROOT", "/r"), Map.of());
        assertEquals(TlsSettings.OFF, s.tls());
        assertTrue(s.auditLog());
        assertEquals(256L << 20, s.freeSpaceReserve());
        assertEquals(Map.of(), s.quotas());
        assertTrue(s.publicRead().isEmpty());
        assertEquals("http://127.0.0.1:9000", s.clientEndpoint());
    }

    @Test
    void tlsQuotasReserveAndPublicBucketsFromFileAndFlags() throws Exception {
        Path file = Files.writeString(dir.resolve("cubby.yaml"), """
                root: /srv/nas
                tls: on
                tls-port: 9443
                free-space-reserve: 2GiB
                audit-log: off
                public-read:
                  - photos
                  - music
                quotas:
                  photos: 500GiB
                  backups: 2TB
                """);
        Settings s = SettingsLoader.load(file, Map.of(), Map.of());
        assertTrue(s.tls().selfSigned());
        assertEquals(9443, s.tls().port());
        assertEquals(2L << 30, s.freeSpaceReserve());
        assertEquals(false, s.auditLog());
        assertEquals(java.util.Set.of("photos", "music"), s.publicRead());
        assertEquals(Map.of("photos", 500L << 30, "backups", 2_000_000_000_000L), s.quotas());
        assertEquals("https://127.0.0.1:9443", s.clientEndpoint());

        var flags = new HashMap<String, String>();
        flags.put("tls-cert", "/etc/cubby/cert.pem");
        flags.put("tls-key", "/etc/cubby/key.pem");
        flags.put("endpoint", "https://nas.example:9443");
        Settings given = SettingsLoader.load(file, Map.of("CUBBY_PUBLIC_READ", "docs, music"), flags);
        assertEquals(false, given.tls().selfSigned());
        assertEquals(Path.of("/etc/cubby/cert.pem"), given.tls().certificate());
        assertEquals(java.util.Set.of("docs", "music"), given.publicRead());
        assertEquals("https://nas.example:9443", given.clientEndpoint());
    }

    @Test
    void badSizesSwitchesAndHalfACertificateAreClearErrors() {
        var size = assertThrows(SettingsException.class, () -> SettingsLoader.load(null,
                Map.of("CUBBY_ROOT", "/r", "CUBBY_FREE_SPACE_RESERVE", "lots"), Map.of()));
        assertTrue(size.getMessage().contains("free-space-reserve"), size.getMessage());
        var onOff = assertThrows(SettingsException.class, () -> SettingsLoader.load(null,
                Map.of("CUBBY_ROOT", "/r", "CUBBY_AUDIT_LOG", "maybe"), Map.of()));
        assertTrue(onOff.getMessage().contains("audit-log"), onOff.getMessage());
        var halfCert = assertThrows(SettingsException.class, () -> SettingsLoader.load(null,
                Map.of("CUBBY_ROOT", "/r", "CUBBY_TLS_CERT", "/c.pem"), Map.of()));
        assertTrue(halfCert.getMessage().contains("tls-key"), halfCert.getMessage());
    }

    @Test
    void httpsCannotShareThePlainHttpPort() {
        var clash = assertThrows(SettingsException.class, () -> SettingsLoader.load(null,
                Map.of("CUBBY_ROOT", "/x"), Map.of("port", "9000", "tls-port", "9000")));
        assertTrue(clash.getMessage().contains("'tls-port' is the same as 'port' (9000)"), clash.getMessage());
        assertEquals(9443, SettingsLoader.load(null, Map.of("CUBBY_ROOT", "/x"),
                Map.of("port", "9000", "tls-port", "9443")).tls().port());
    }

    @Test
    void slowClientLimitsHaveDefaultsAndComeFromFlagsEnvironmentAndFile() throws Exception {
        ClientLimits defaults = SettingsLoader.load(null, Map.of("CUBBY_ROOT", "/r"), Map.of()).clients();
        assertEquals(new ClientLimits(java.time.Duration.ofMinutes(5), java.time.Duration.ofSeconds(20),
                java.time.Duration.ofSeconds(60), 1024, 0), defaults);
        assertEquals(72, defaults.clientShare(96), "three quarters of the server's limit");

        Path file = Files.writeString(dir.resolve("limits.yaml"), "write-timeout: 2m\nrequests-per-client: 10\n");
        ClientLimits given = SettingsLoader.load(file, Map.of("CUBBY_ROOT", "/r", "CUBBY_MIN_BODY_RATE", "0"),
                Map.of("read-timeout", "5s")).clients();
        assertEquals(new ClientLimits(java.time.Duration.ofMinutes(5), java.time.Duration.ofSeconds(5),
                java.time.Duration.ofMinutes(2), 0, 10), given);
        assertEquals(ClientLimits.UNCAPPED, SettingsLoader.load(null, Map.of("CUBBY_ROOT", "/r"),
                Map.of("requests-per-client", "off")).clients().clientShare(96));

        var bad = assertThrows(SettingsException.class, () -> SettingsLoader.load(null,
                Map.of("CUBBY_ROOT", "/r"), Map.of("requests-per-client", "many")));
        assertTrue(bad.getMessage().contains("'requests-per-client' must be a whole number"), bad.getMessage());
    }
}
