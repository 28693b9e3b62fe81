package io.devopskpi.server;

import io.devopskpi.core.export.KpiMetrics;
import io.devopskpi.core.hooks.HookMappings;
import io.devopskpi.core.kpi.BandTableText;
import io.devopskpi.core.kpi.KpiQueryParser;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.store.Retention;
import io.devopskpi.core.store.StoreConfig;
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
 * [--hook-mapping FILE] [--metrics-window 30d] [--writers-file F] [--retain P2Y] [--no-authors] [--help]}. Secrets come from files, not arguments, because arguments
 * are visible to every user of the machine.
 */
record CommandLine(boolean help, boolean demo, int port, String bind, Path data, String dbUrl, String dbUser,
        Path dbPasswordFile, Path readTokenFile, Path bandsFile, Path hookTokenFile, Path hookMappingFile,
        Duration metricsWindow, Path writersFile, Retention retain, boolean noAuthors) {

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
            "--metrics-window", "--writers-file", "--retain");

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
                metricsWindow(given.get("--metrics-window")), path(given.get("--writers-file")),
                retain(given.get("--retain")), given.containsKey("--no-authors"));
    }

    /** The server options, reading the secret files; {@code writeToken} is DEVOPS_KPI_API_TOKEN's value or null. */
    ServerOptions options(String writeToken, Clock clock) throws UsageException {
        StoreConfig store;
        try {
            store = dbUrl == null ? StoreConfig.embedded(data)
                    : StoreConfig.jdbc(dbUrl, dbUser, dbPasswordFile == null ? null : secret(dbPasswordFile));
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
                : writeToken, readToken, clock, settings(), metricsWindow, writersFile).withRetention(retain);
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
