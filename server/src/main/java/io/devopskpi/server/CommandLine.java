package io.devopskpi.server;

import io.devopskpi.core.export.KpiMetrics;
import io.devopskpi.core.hooks.HookMappings;
import io.devopskpi.core.kpi.BandTableText;
import io.devopskpi.core.kpi.KpiQueryParser;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.store.Retention;
import io.devopskpi.core.store.StoreConfig;
import io.devopskpi.core.store.StoreTimeouts;
import io.devopskpi.core.text.TimeText;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The server's command line (api.md): {@code [--demo] [--port 8080] [--bind 127.0.0.1] [--data DIR]
 * [--db JDBC_URL --db-user U --db-password-file F] [--read-token-file F] [--bands FILE] [--hook-token-file F]
 * [--hook-mapping FILE] [--metrics-window 30d] [--writers-file F] [--header-timeout 10s] [--idle-timeout 30s]
 * [--max-connections 10000] [--shutdown-grace 10s] [--rate-limit 100/s] [--read-budget 30s] [--retain P2Y]
 * [--no-authors] [--help]}. Secrets come from files, not arguments, because arguments
 * are visible to every user of the machine.
 */
record CommandLine(boolean help, boolean demo, int port, String bind, Path data, String dbUrl, String dbUser,
        Path dbPasswordFile, Path readTokenFile, Path bandsFile, Path hookTokenFile, Path hookMappingFile,
        Duration metricsWindow, Path writersFile, HttpLimits limits, Map<String, String> limitArgs,
        Retention retain, boolean noAuthors) {

    static final String USAGE = """
            Usage: java -jar devops-kpi-server.jar [options]
              --port N               port to listen on (default 8080; 0 picks a free one)
              --bind ADDRESS         address to listen on (default 127.0.0.1)
              --data DIR             folder of the embedded H2 store (default ./devops-kpi-data)
              --db JDBC_URL          use this database instead (jdbc:postgresql:… or jdbc:h2:…)
              --db-user U            its user
              --db-password-file F   a file holding its password
              --read-token-file F    a file holding a token that reads (GET) must present; default: reads are public
              --bands FILE           the performance band table: a properties file with any of deploymentDays,
                                     leadTime, changeFailurePercent, timeToRestore (e.g. leadTime = 1d, 7d, 30d)
              --hook-token-file F    a file holding a token the alerting webhooks accept as ?token= (for tools
                                     that cannot send an Authorization header); default: bearer write token only
              --hook-mapping FILE    where alerts name application and environment: a properties file with
                                     <tool>.application, <tool>.environment, <tool>.defaultEnvironment
              --metrics-window D     the window ending now that /metrics computes the KPIs over, as 30d, 2w, 12h
                                     or P30D (default 30d; the samples carry it as the label window="30d")
              --writers-file F       named write tokens, one 'name token' per line: each write names its writer
                                     in the log; removing a line revokes that token (the file is re-read)
              --header-timeout D     time a client gets to send a request's headers (default 10s; cut off
                                     between D and twice D)
              --idle-timeout D       time a connection may stay silent, between requests or within a body
                                     (default 30s)
              --max-connections N    connections held at once; beyond, new ones wait in the kernel's queue until
                                     one closes (default 10000; keep it below the open-files limit, ulimit -n)
              --shutdown-grace D     on SIGTERM, time the requests in flight get to finish before the store is
                                     closed (default 10s)
              --rate-limit R         requests each client (a token, or an address without one) may send, as 50/s,
                                     600/min or off (default 100/s); more are answered 429 with Retry-After
              --read-budget D        the longest a read may take before it is stopped and answered 503, as 10s
                                     or 500ms (default 30s)
              --db-connect-timeout D the longest a request waits for a database connection (default 10s)
              --db-socket-timeout D  the longest a statement waits for PostgreSQL's next bytes (default 60s)
              --retain PERIOD        delete, on start and daily, deployments that finished and incidents that were
                                     resolved more than PERIOD ago (ISO-8601: P2Y, P18M, P400D); default: keep all
              --no-authors           never store the authors of changes (they are removed from every event)
              --demo                 seed demo data into an empty store
              --help                 show this text
            The write token is read from the environment variable DEVOPS_KPI_API_TOKEN; when it is unset, one is
            generated on first start and printed once.""";

    private static final Set<String> FLAGS = Set.of("--demo", "--help", "--no-authors");
    private static final List<String> BAND_ROWS = List.of("deploymentDays", "leadTime", "changeFailurePercent",
            "timeToRestore");
    private static final Set<String> VALUED = Set.of("--port", "--bind", "--data", "--db", "--db-user",
            "--db-password-file", "--read-token-file", "--bands", "--hook-token-file", "--hook-mapping",
            "--metrics-window", "--writers-file", "--header-timeout", "--idle-timeout", "--max-connections",
            "--shutdown-grace", "--rate-limit", "--read-budget", "--db-connect-timeout", "--db-socket-timeout",
            "--retain");
    private static final int MOST_CONNECTIONS = 1_000_000;

    /** Thrown for arguments that make no sense; its message is the one-line reason shown to the user. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static CommandLine parse(String... args) throws UsageException {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value;
            if (FLAGS.contains(name)) {
                value = "";
            } else if (VALUED.contains(name)) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            } else {
                throw new UsageException("unknown argument '" + name + "'");
            }
            if (given.put(name, value) != null) {
                throw new UsageException(name + " is given twice");
            }
        }
        if (given.containsKey("--db") && given.containsKey("--data")) {
            throw new UsageException("--data and --db exclude each other: the store is either embedded or a database");
        }
        if (!given.containsKey("--db") && (given.containsKey("--db-user") || given.containsKey("--db-password-file"))) {
            throw new UsageException("--db-user and --db-password-file need --db");
        }
        return new CommandLine(given.containsKey("--help"), given.containsKey("--demo"),
                port(given.getOrDefault("--port", "8080")), given.getOrDefault("--bind", "127.0.0.1"),
                Path.of(given.getOrDefault("--data", "devops-kpi-data")), given.get("--db"), given.get("--db-user"),
                path(given.get("--db-password-file")), path(given.get("--read-token-file")), path(given.get("--bands")),
                path(given.get("--hook-token-file")), path(given.get("--hook-mapping")),
                metricsWindow(given.get("--metrics-window")), path(given.get("--writers-file")), limits(given),
                limitArgs(given), retain(given.get("--retain")), given.containsKey("--no-authors"));
    }

    /** {@code --header-timeout}, {@code --idle-timeout}, {@code --max-connections}, {@code --shutdown-grace}. */
    private static HttpLimits limits(Map<String, String> given) throws UsageException {
        HttpLimits defaults = HttpLimits.defaults();
        return new HttpLimits(duration(given, "--header-timeout", defaults.headerTimeout()),
                duration(given, "--idle-timeout", defaults.idleTimeout()),
                connections(given.get("--max-connections"), defaults.maxConnections()),
                duration(given, "--shutdown-grace", defaults.shutdownGrace()));
    }

    private static Duration duration(Map<String, String> given, String name, Duration otherwise)
            throws UsageException {
        String text = given.get(name);
        if (text == null) {
            return otherwise;
        }
        try {
            return TimeText.duration(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + " " + e.getMessage());
        }
    }

    private static int connections(String text, int otherwise) throws UsageException {
        if (text == null) {
            return otherwise;
        }
        try {
            int count = Integer.parseInt(text);
            if (count >= 1 && count <= MOST_CONNECTIONS) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new UsageException("--max-connections must be a number from 1 to " + MOST_CONNECTIONS + ", got '"
                + text + "'");
    }

    /** The server options, reading the secret files; {@code writeToken} is DEVOPS_KPI_API_TOKEN's value or null. */
    ServerOptions options(String writeToken, Clock clock) throws UsageException {
        StoreConfig store;
        try {
            store = (dbUrl == null ? StoreConfig.embedded(data)
                    : StoreConfig.jdbc(dbUrl, dbUser, dbPasswordFile == null ? null : secret(dbPasswordFile)))
                    .withTimeouts(storeTimeouts());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--db: " + e.getMessage());
        }
        String readToken = readTokenFile == null ? null : secret(readTokenFile);
        if (readToken != null && readToken.isEmpty()) {
            throw new UsageException("--read-token-file " + readTokenFile + " is empty");
        }
        if (writersFile != null) {
            try {
                new NamedWriters(writersFile);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--writers-file: " + e.getMessage());
            }
        }
        ServerOptions options = new ServerOptions(bind, port, store, writeToken == null || writeToken.isBlank() ? null
                : writeToken, readToken, clock, settings(), metricsWindow, writersFile).withLimits(limits)
                .withRetention(retain);
        return noAuthors ? options.withoutAuthors() : options;
    }

    /** The webhooks' token (from {@code --hook-token-file}) and mapping (defaults, with {@code --hook-mapping}'s keys). */
    HookOptions hooks() throws UsageException {
        String hookToken = hookTokenFile == null ? null : secret(hookTokenFile);
        if (hookToken != null && hookToken.isEmpty()) {
            throw new UsageException("--hook-token-file " + hookTokenFile + " is empty");
        }
        if (hookMappingFile == null) {
            return new HookOptions(hookToken, HookMappings.defaults());
        }
        Properties keys = new Properties();
        try (Reader reader = Files.newBufferedReader(hookMappingFile, StandardCharsets.UTF_8)) {
            keys.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("cannot read --hook-mapping " + hookMappingFile + ": "
                    + e.getClass().getSimpleName());
        }
        try {
            return new HookOptions(hookToken, HookMappings.parse(keys));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--hook-mapping " + hookMappingFile + ": " + e.getMessage());
        }
    }

    /** The request rate and read budget ({@code --rate-limit}, {@code --read-budget}), defaults where not given. */
    ServerLimits serverLimits() throws UsageException {
        ServerLimits limits = ServerLimits.defaults();
        if (limitArgs.containsKey("--rate-limit")) {
            try {
                limits = limits.withRate(RateLimit.parse(limitArgs.get("--rate-limit")));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--rate-limit " + e.getMessage());
            }
        }
        Duration budget = limitDuration("--read-budget", Duration.ofMillis(1));
        return budget == null ? limits : limits.withReadBudget(budget);
    }

    private StoreTimeouts storeTimeouts() throws UsageException {
        Duration connect = limitDuration("--db-connect-timeout", Duration.ofMillis(250));
        Duration socket = limitDuration("--db-socket-timeout", Duration.ofSeconds(1));
        return new StoreTimeouts(connect == null ? StoreTimeouts.DEFAULT.connection() : connect,
                socket == null ? StoreTimeouts.DEFAULT.socket() : socket);
    }

    /** A duration option of the limits ({@code 10s}, {@code 500ms}, {@code 2m}), null when not given. */
    private Duration limitDuration(String name, Duration least) throws UsageException {
        String text = limitArgs.get(name);
        if (text == null) {
            return null;
        }
        Duration value;
        try {
            value = text.endsWith("ms") ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
                    : TimeText.duration(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + " must be a duration as 10s, 500ms or 2m, got '" + text + "'");
        }
        if (value.compareTo(least) < 0) {
            throw new UsageException(name + " must be at least " + ReadBudget.shown(least) + ", got '" + text + "'");
        }
        return value;
    }

    private static Map<String, String> limitArgs(Map<String, String> given) {
        Map<String, String> limits = new HashMap<>();
        for (String name : List.of("--rate-limit", "--read-budget", "--db-connect-timeout", "--db-socket-timeout")) {
            if (given.containsKey(name)) {
                limits.put(name, given.get(name));
            }
        }
        return Map.copyOf(limits);
    }

    /** The default settings, with the band table of {@code --bands} when given (rows it leaves out keep theirs). */
    private KpiSettings settings() throws UsageException {
        KpiSettings defaults = KpiSettings.defaults();
        if (bandsFile == null) {
            return defaults;
        }
        Properties rows = new Properties();
        try (Reader reader = Files.newBufferedReader(bandsFile, StandardCharsets.UTF_8)) {
            rows.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("cannot read --bands " + bandsFile + ": " + e.getClass().getSimpleName());
        }
        for (String key : rows.stringPropertyNames()) {
            if (!BAND_ROWS.contains(key)) {
                throw new UsageException("--bands " + bandsFile + ": unknown row '" + key + "' (rows: "
                        + String.join(", ", BAND_ROWS) + ")");
            }
        }
        try {
            return new KpiSettings(defaults.failureIsFailedChange(), defaults.attributionHorizon(),
                    BandTableText.parse(rows.getProperty("deploymentDays"), rows.getProperty("leadTime"),
                            rows.getProperty("changeFailurePercent"), rows.getProperty("timeToRestore")));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--bands " + bandsFile + ": " + e.getMessage());
        }
    }

    private static int port(String text) throws UsageException {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new UsageException("--port must be a number from 0 to 65535, got '" + text + "'");
    }

    private static Duration metricsWindow(String text) throws UsageException {
        if (text == null) {
            return KpiMetrics.DEFAULT_WINDOW;
        }
        Duration window;
        try {
            window = TimeText.duration(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--metrics-window " + e.getMessage());
        }
        if (window.compareTo(KpiQueryParser.MAX_WINDOW) > 0) {
            throw new UsageException("--metrics-window must be at most " + KpiQueryParser.MAX_WINDOW.toDays()
                    + " days, got '" + text + "'");
        }
        return window;
    }

    private static Retention retain(String text) throws UsageException {
        try {
            return text == null ? null : Retention.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--retain " + e.getMessage());
        }
    }

    private static Path path(String text) {
        return text == null ? null : Path.of(text);
    }

    /** A secret file's content without its final line break (editors and echo add one). */
    private static String secret(Path file) throws UsageException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
