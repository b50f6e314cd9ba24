package dev.cubby.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds {@link Settings} from three layers: the YAML config file, then {@code CUBBY_*}
 * environment variables, then flags. Each layer is a flat map of the same keys (see
 * {@link #KEYS}), so the precedence rule lives in one loop.
 */
public final class SettingsLoader {
    /** The settings a layer may set, with their defaults (null: none). */
    static final Map<String, String> KEYS = Collections.unmodifiableMap(table());
    private static final long MIB = 1024 * 1024;

    // Defaults that 'cubby serve --help' quotes; ServeHelpTest holds the help to this table.
    public static final String DEFAULT_ADDRESS = "127.0.0.1";
    public static final String DEFAULT_PORT = "9000";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_AUDIT_LOG = "on";
    public static final String DEFAULT_FREE_SPACE_RESERVE = "256MiB";
    public static final String DEFAULT_QUOTA_RESCAN = "15m";
    public static final String DEFAULT_IDLE_TIMEOUT = "5m";
    public static final String DEFAULT_READ_TIMEOUT = "20s";
    public static final String DEFAULT_WRITE_TIMEOUT = "60s";
    public static final String DEFAULT_MIN_BODY_RATE = "1KiB";

    private SettingsLoader() {
    }

    private static Map<String, String> table() {
        var keys = new LinkedHashMap<String, String>();
        keys.put("root", null);
        keys.put("state", null);
        keys.put("address", DEFAULT_ADDRESS);
        keys.put("port", DEFAULT_PORT);
        keys.put("region", DEFAULT_REGION);
        keys.put("domain", null);
        keys.put("hash-on-read-limit-mib", "256");
        keys.put("index-rate-mib", "64");
        keys.put("multipart-expiry", "7d");
        keys.put("endpoint", null);
        keys.put("audit-log", DEFAULT_AUDIT_LOG);
        keys.put("tls", "off");
        keys.put("tls-cert", null);
        keys.put("tls-key", null);
        keys.put("tls-port", null);
        keys.put("free-space-reserve", DEFAULT_FREE_SPACE_RESERVE);
        keys.put("quota-rescan", DEFAULT_QUOTA_RESCAN);
        keys.put("public-read", null);
        keys.put("mount", null);
        keys.put("mount-options", null);
        keys.put("idle-timeout", DEFAULT_IDLE_TIMEOUT);
        keys.put("read-timeout", DEFAULT_READ_TIMEOUT);
        keys.put("write-timeout", DEFAULT_WRITE_TIMEOUT);
        keys.put("min-body-rate", DEFAULT_MIN_BODY_RATE);
        keys.put("requests-per-client", null);
        return keys;
    }

    /** Every setting by key, with its default (null: none), in the order of the table. */
    public static Map<String, String> defaults() {
        return KEYS;
    }

    /**
     * @param configFile the YAML file, or null to use CUBBY_CONFIG if set
     * @param env        the process environment
     * @param flags      the flags given on the command line, by key
     */
    public static Settings load(Path configFile, Map<String, String> env, Map<String, String> flags) {
        return load(configFile, env, flags, true);
    }

    /**
     * As {@link #load(Path, Map, Map)}, for the commands that serve the tree ({@code serve},
     * {@code mount}): the root folder must exist, since neither creates it.
     */
    public static Settings loadToServe(Path configFile, Map<String, String> env, Map<String, String> flags) {
        Settings settings = load(configFile, env, flags);
        if (!Files.isDirectory(settings.root())) {
            throw new SettingsException("the root folder " + settings.root() + " does not exist; create it first");
        }
        return settings;
    }

    /**
     * As {@link #load(Path, Map, Map)}, for commands that work on the state folder only (such as
     * {@code cubby keys}): no root folder is needed, and {@link Settings#root()} is null when none is set.
     */
    public static Settings loadWithoutRoot(Path configFile, Map<String, String> env, Map<String, String> flags) {
        return load(configFile, env, flags, false);
    }

    private static Settings load(Path configFile, Map<String, String> env, Map<String, String> flags,
                                 boolean rootRequired) {
        Path file = configFile != null ? configFile : env.containsKey("CUBBY_CONFIG") ? Path.of(env.get("CUBBY_CONFIG")) : null;
        Map<String, String> merged = new HashMap<>();
        Map<String, Path> buckets = new LinkedHashMap<>();
        Map<String, Long> quotas = new LinkedHashMap<>();
        KEYS.forEach((key, value) -> {
            if (value != null) {
                merged.put(key, value);
            }
        });
        if (file != null) {
            readFile(file, merged, buckets, quotas);
        }
        KEYS.keySet().forEach(key -> {
            String value = env.get("CUBBY_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
            if (value != null && !value.isBlank()) {
                merged.put(key, value);
            }
        });
        flags.forEach((key, value) -> {
            if (value != null) {
                merged.put(key, value);
            }
        });
        return build(merged, buckets, quotas, env, rootRequired);
    }

    private static void readFile(Path file, Map<String, String> merged, Map<String, Path> buckets,
                                 Map<String, Long> quotas) {
        if (!Files.isReadable(file)) {
            throw new SettingsException("cannot read the config file " + file);
        }
        Config config = Config.just(ConfigSources.file(file));
        for (String key : KEYS.keySet()) {
            config.get(key).asString().ifPresent(value -> merged.put(key, value));
        }
        // a YAML list is also accepted where a comma-separated value is
        config.get("public-read").asList(String.class)
                .ifPresent(list -> merged.put("public-read", String.join(",", list)));
        config.get("buckets").asMap().ifPresent(map -> map.forEach((name, dir) ->
                buckets.put(name.substring(name.indexOf('.') + 1), Path.of(dir))));
        config.get("quotas").asMap().ifPresent(map -> map.forEach((name, size) ->
                quotas.put(name.substring(name.indexOf('.') + 1), sizeSetting(Map.of(name, size), name))));
        for (String key : config.asMap().orElse(Map.of()).keySet()) {
            String top = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            if (!KEYS.containsKey(top) && !top.equals("buckets") && !top.equals("quotas")) {
                throw new SettingsException("unknown setting '" + top + "' in " + file + "; known: "
                        + String.join(", ", KEYS.keySet()) + ", buckets, quotas");
            }
        }
    }

    private static Settings build(Map<String, String> s, Map<String, Path> buckets, Map<String, Long> quotas,
                                  Map<String, String> env, boolean rootRequired) {
        String root = s.get("root");
        if (root == null && rootRequired) {
            throw new SettingsException("no root folder: pass --root DIR, set CUBBY_ROOT, or set 'root' in the config file");
        }
        Path state = s.containsKey("state") ? Path.of(s.get("state")) : defaultStateDir(env);
        return new Settings(root == null ? null : Path.of(root).toAbsolutePath().normalize(), state.toAbsolutePath().normalize(),
                s.get("address"), intSetting(s, "port", 0, 65535), s.get("region"), blankToNull(s.get("domain")),
                longSetting(s, "hash-on-read-limit-mib") * MIB, longSetting(s, "index-rate-mib") * MIB, buckets,
                durationSetting(s, "multipart-expiry"), tls(s), blankToNull(s.get("endpoint")),
                switchSetting(s, "audit-log"), quotas, sizeSetting(s, "free-space-reserve"), publicRead(s),
                durationSetting(s, "quota-rescan"),
                blankToNull(s.get("mount")) == null ? null : Path.of(s.get("mount").trim()).toAbsolutePath().normalize(),
                blankToNull(s.get("mount-options")), clientLimits(s));
    }

    /** The client limits with every setting at its default. */
    static ClientLimits defaultClientLimits() {
        Map<String, String> defaults = new HashMap<>();
        KEYS.forEach((key, value) -> {
            if (value != null) {
                defaults.put(key, value);
            }
        });
        return clientLimits(defaults);
    }

    private static ClientLimits clientLimits(Map<String, String> s) {
        String perClient = blankToNull(s.get("requests-per-client"));
        int requestsPerClient;
        if (perClient == null) {
            requestsPerClient = 0;
        } else if (perClient.equalsIgnoreCase("off")) {
            requestsPerClient = ClientLimits.UNCAPPED;
        } else if (perClient.matches("[1-9]\\d{0,8}")) {
            requestsPerClient = Integer.parseInt(perClient);
        } else {
            throw new SettingsException("'requests-per-client' must be a whole number of at least 1, or off, not '"
                    + perClient + "'");
        }
        return new ClientLimits(durationSetting(s, "idle-timeout"), durationSetting(s, "read-timeout"),
                durationSetting(s, "write-timeout"), sizeSetting(s, "min-body-rate"), requestsPerClient);
    }

    /** HTTPS is on when asked for, or when a certificate is given; a certificate needs its key. */
    private static TlsSettings tls(Map<String, String> s) {
        Path cert = s.get("tls-cert") == null ? null : Path.of(s.get("tls-cert"));
        Path key = s.get("tls-key") == null ? null : Path.of(s.get("tls-key"));
        if ((cert == null) != (key == null)) {
            throw new SettingsException("give both 'tls-cert' and 'tls-key' (PEM files), or neither for a "
                    + "self-signed certificate");
        }
        Integer port = s.get("tls-port") == null ? null : intSetting(s, "tls-port", 0, 65535);
        if (port != null && port != 0 && port == intSetting(s, "port", 0, 65535)) {
            throw new SettingsException("'tls-port' is the same as 'port' (" + port + "); give HTTPS a port of its "
                    + "own, or leave 'tls-port' out to serve only HTTPS on 'port'");
        }
        boolean enabled = switchSetting(s, "tls") || cert != null || port != null;
        return enabled ? new TlsSettings(true, cert, key, port) : TlsSettings.OFF;
    }

    private static java.util.Set<String> publicRead(Map<String, String> s) {
        String value = s.get("public-read");
        var names = new java.util.LinkedHashSet<String>();
        if (value != null) {
            for (String name : value.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }

    private static boolean switchSetting(Map<String, String> s, String key) {
        return switch (s.get(key).trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new SettingsException("'" + key + "' must be on or off, not '" + s.get(key) + "'");
        };
    }

    /** A byte count, plain or with a unit: KiB, MiB, GiB, TiB (powers of 1024) or KB, MB, GB, TB (of 1000). */
    static long sizeSetting(Map<String, String> s, String key) {
        String value = s.get(key).trim();
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*([KMGT]i?B|B)?", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(value);
        if (!m.matches()) {
            throw new SettingsException("'" + key + "' must be a size such as 0, 512MiB, 100GiB or 2TB, not '"
                    + value + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        boolean binary = unit.contains("I");
        int power = "BKMGT".indexOf(unit.charAt(0));
        long factor = 1;
        for (int i = 0; i < power; i++) {
            factor *= binary ? 1024 : 1000;
        }
        return Math.multiplyExact(n, factor);
    }

    /**
     * {@code $XDG_STATE_HOME/cubby}, else {@code $HOME/.local/state/cubby}, as the design notes say.
     * $HOME wins over the JVM's user.home, which comes from the password database.
     */
    static Path defaultStateDir(Map<String, String> env) {
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "cubby");
        }
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".local", "state", "cubby");
    }

    private static int intSetting(Map<String, String> s, String key, int min, int max) {
        long value = longSetting(s, key);
        if (value < min || value > max) {
            throw new SettingsException("'" + key + "' must be between " + min + " and " + max + ", not " + value);
        }
        return (int) value;
    }

    private static long longSetting(Map<String, String> s, String key) {
        try {
            return Long.parseLong(s.get(key).trim());
        } catch (NumberFormatException e) {
            throw new SettingsException("'" + key + "' must be a whole number, not '" + s.get(key) + "'");
        }
    }

    /**
     * A duration given on the command line ({@code --expires 90d}, {@code --ttl 1h}).
     *
     * @throws SettingsException naming {@code option} and the accepted forms
     */
    public static java.time.Duration duration(String option, String value) {
        return durationSetting(Map.of(option, value), option);
    }

    /**
     * A size given on the command line ({@code --max-size 2GiB}).
     *
     * @throws SettingsException naming {@code option} and the accepted forms
     */
    public static long size(String option, String value) {
        return sizeSetting(Map.of(option, value), option);
    }

    /** A whole number with a unit: s, m, h or d (e.g. {@code 7d}, {@code 90s}). */
    static java.time.Duration durationSetting(Map<String, String> s, String key) {
        String value = s.get(key).trim().toLowerCase(Locale.ROOT);
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*([smhd])").matcher(value);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new SettingsException("'" + key + "' must be a positive duration such as 90s, 30m, 12h or 7d, not '"
                    + s.get(key) + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> java.time.Duration.ofSeconds(n);
            case "m" -> java.time.Duration.ofMinutes(n);
            case "h" -> java.time.Duration.ofHours(n);
            default -> java.time.Duration.ofDays(n);
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
