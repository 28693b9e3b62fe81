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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options of {@code serve}, the server itself (api.md, "Command line"): one annotated field per option, each
 * also settable from the environment ({@link EnvironmentDefaults}: {@code --port} from {@code DEVOPS_KPI_PORT}).
 * Adding an option is adding a field here (and using it in {@link #options}): {@code int}, {@code boolean},
 * {@code String}, {@code Path} and {@code Duration} ({@code 30s}, {@code 2h}, {@code PT30S}; {@link Cli}) need no
 * converter, and a bad value is refused naming the option. Secrets come from files, not
 * arguments, because arguments are visible to every user of the machine.
 */
@Command(name = "java -jar devops-kpi-server.jar [serve]", sortOptions = false,
        description = "Runs the server (the default when no command is given).",
        footer = {"", "Every option can also be set in the environment: DEVOPS_KPI_ and the option's name in capitals "
                + "with _ for -, e.g. DEVOPS_KPI_PORT=8080, DEVOPS_KPI_DATA=/var/lib/devops-kpi, "
                + "DEVOPS_KPI_READ_TOKEN_FILE=/run/secrets/read-token; an argument wins over the environment.",
                "The write token is read from the environment variable DEVOPS_KPI_API_TOKEN; when it is unset, one "
                + "is generated on first start and printed once."})
final class CommandLine {

    @Option(names = "--port", paramLabel = "N", converter = PortConverter.class,
            description = "port to listen on (default 8080; 0 picks a free one)")
    private int port = 8080;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "address to listen on (default 127.0.0.1)")
    private String bind = "127.0.0.1";

    @Option(names = "--data", paramLabel = "DIR",
            description = "folder of the embedded H2 store (default ./devops-kpi-data)")
    private Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "use this database instead (jdbc:postgresql:... or jdbc:h2:...)")
    private String dbUrl;

    @Option(names = "--db-user", paramLabel = "U", description = "its user")
    private String dbUser;

    @Option(names = "--db-password-file", paramLabel = "F", description = "a file holding its password")
    private Path dbPasswordFile;

    @Option(names = "--read-token-file", paramLabel = "F",
            description = "a file holding a token that reads (GET) must present; default: reads are public")
    private Path readTokenFile;

    @Option(names = "--bands", paramLabel = "FILE", description = "the performance band table: a properties file "
            + "with any of deploymentDays, leadTime, changeFailurePercent, timeToRestore (e.g. leadTime = 1d, 7d, 30d)")
    private Path bandsFile;

    @Option(names = "--hook-token-file", paramLabel = "F", description = "a file holding a token the alerting "
            + "webhooks accept as ?token= (for tools that cannot send an Authorization header); default: bearer "
            + "write token only")
    private Path hookTokenFile;

    @Option(names = "--hook-mapping", paramLabel = "FILE", description = "where alerts name application and "
            + "environment: a properties file with <tool>.application, <tool>.environment, <tool>.defaultEnvironment")
    private Path hookMappingFile;

    @Option(names = "--metrics-window", paramLabel = "D", converter = WindowConverter.class,
            description = "the window ending now that /metrics computes the KPIs over, as 30d, 2w, 12h or P30D "
                    + "(default 30d; the samples carry it as the label window=\"30d\")")
    private Duration metricsWindow = KpiMetrics.DEFAULT_WINDOW;

    @Option(names = "--writers-file", paramLabel = "F", description = "named write tokens, one 'name token' per "
            + "line: each write names its writer in the log; removing a line revokes that token (the file is re-read)")
    private Path writersFile;

    @Option(names = "--header-timeout", paramLabel = "D", description = "time a client gets to send a request's "
            + "headers (default 10s; cut off between D and twice D)")
    private Duration headerTimeout = HttpLimits.defaults().headerTimeout();

    @Option(names = "--idle-timeout", paramLabel = "D", description = "time a connection may stay silent, between "
            + "requests or within a body (default 30s)")
    private Duration idleTimeout = HttpLimits.defaults().idleTimeout();

    @Option(names = "--max-connections", paramLabel = "N", converter = ConnectionsConverter.class,
            description = "connections held at once; beyond, new ones wait in the kernel's queue until one closes "
                    + "(default 10000; keep it below the open-files limit, ulimit -n)")
    private int maxConnections = HttpLimits.defaults().maxConnections();

    @Option(names = "--shutdown-grace", paramLabel = "D", description = "on SIGTERM, time the requests in flight "
            + "get to finish before the store is closed (default 10s)")
    private Duration shutdownGrace = HttpLimits.defaults().shutdownGrace();

    @Option(names = "--rate-limit", paramLabel = "R", converter = RateConverter.class, description = "requests each "
            + "client (a token, or an address without one) may send, as 50/s, 600/min or off (default 100/s); more "
            + "are answered 429 with Retry-After")
    private RateLimit rateLimit = ServerLimits.defaults().rate();

    @Option(names = "--read-budget", paramLabel = "D", converter = BudgetConverter.class, description = "the longest "
            + "a read may take before it is stopped and answered 503, as 10s or 500ms (default 30s)")
    private Duration readBudget = ServerLimits.defaults().readBudget();

    @Option(names = "--db-connect-timeout", paramLabel = "D", converter = ConnectTimeoutConverter.class,
            description = "the longest a request waits for a database connection (default 10s)")
    private Duration dbConnectTimeout = StoreTimeouts.DEFAULT.connection();

    @Option(names = "--db-socket-timeout", paramLabel = "D", converter = SocketTimeoutConverter.class,
            description = "the longest a statement waits for PostgreSQL's next bytes (default 60s)")
    private Duration dbSocketTimeout = StoreTimeouts.DEFAULT.socket();

    @Option(names = "--retain", paramLabel = "PERIOD", converter = RetentionConverter.class, description = "delete, "
            + "on start and daily, deployments that finished and incidents that were resolved more than PERIOD ago "
            + "(ISO-8601: P2Y, P18M, P400D); default: keep all")
    private Retention retain;

    @Option(names = "--no-authors", description = "never store the authors of changes (they are removed from every "
            + "event)")
    private boolean noAuthors;

    @Option(names = "--demo", description = "seed demo data into an empty store")
    private boolean demo;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this text")
    private boolean help;

    private static final int MOST_CONNECTIONS = 1_000_000;
    private static final List<String> BAND_ROWS = List.of("deploymentDays", "leadTime", "changeFailurePercent",
            "timeToRestore");

    /** Thrown for arguments that make no sense; its message is the one-line reason shown to the user. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** The usage text of {@code serve}. */
    static String usage() {
        return Cli.of(new CommandLine()).getUsageMessage();
    }

    /** The arguments alone, no environment. */
    static CommandLine parse(String... args) throws UsageException {
        return parse(Map.of(), args);
    }

    /** The arguments over the {@code DEVOPS_KPI_*} variables of {@code environment} ({@link EnvironmentDefaults}). */
    static CommandLine parse(Map<String, String> environment, String... args) throws UsageException {
        CommandLine given = new CommandLine();
        Cli.parse(Cli.of(given, environment), List.of(args));
        if (given.dbUrl != null && given.data != null) {
            throw new UsageException("--data and --db exclude each other: the store is either embedded or a database");
        }
        if (given.dbUrl == null && (given.dbUser != null || given.dbPasswordFile != null)) {
            throw new UsageException("--db-user and --db-password-file need --db");
        }
        return given;
    }

    boolean help() {
        return help;
    }

    boolean demo() {
        return demo;
    }

    /** The request rate and read budget ({@code --rate-limit}, {@code --read-budget}). */
    ServerLimits serverLimits() {
        return ServerLimits.defaults().withRate(rateLimit).withReadBudget(readBudget);
    }

    /** The connection limits and shutdown grace. */
    HttpLimits limits() {
        return new HttpLimits(headerTimeout, idleTimeout, maxConnections, shutdownGrace);
    }

    /** The folder of the embedded store: {@code --data} or {@code ./devops-kpi-data}. */
    Path data() {
        return data == null ? Path.of("devops-kpi-data") : data;
    }

    /** The server options, reading the secret files; {@code writeToken} is DEVOPS_KPI_API_TOKEN's value or null. */
    ServerOptions options(String writeToken, Clock clock) throws UsageException {
        StoreConfig store;
        try {
            store = (dbUrl == null ? StoreConfig.embedded(data())
                    : StoreConfig.jdbc(dbUrl, dbUser, dbPasswordFile == null ? null : secret(dbPasswordFile)))
                    .withTimeouts(new StoreTimeouts(dbConnectTimeout, dbSocketTimeout));
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
                : writeToken, readToken, clock, settings(), metricsWindow, writersFile).withLimits(limits())
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

    /** {@code --port}: 0 to 65535. */
    static final class PortConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            try {
                int port = Integer.parseInt(text);
                if (port >= 0 && port <= 65_535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below with the accepted range
            }
            throw new TypeConversionException("must be a number from 0 to 65535, got '" + text + "'");
        }
    }

    /** {@code --metrics-window}: a duration of at most {@link KpiQueryParser#MAX_WINDOW}. */
    static final class WindowConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            Duration window;
            try {
                window = TimeText.duration(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            if (window.compareTo(KpiQueryParser.MAX_WINDOW) > 0) {
                throw new TypeConversionException("must be at most " + KpiQueryParser.MAX_WINDOW.toDays()
                        + " days, got '" + text + "'");
            }
            return window;
        }
    }

    /** {@code --max-connections}: 1 to {@value #MOST_CONNECTIONS}. */
    static final class ConnectionsConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            try {
                int count = Integer.parseInt(text);
                if (count >= 1 && count <= MOST_CONNECTIONS) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // reported below with the accepted range
            }
            throw new TypeConversionException("must be a number from 1 to " + MOST_CONNECTIONS + ", got '" + text
                    + "'");
        }
    }

    /** {@code --rate-limit}: {@code 50/s}, {@code 600/min}, {@code 10000/h} or {@code off}. */
    static final class RateConverter implements ITypeConverter<RateLimit> {
        @Override
        public RateLimit convert(String text) {
            try {
                return RateLimit.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --retain}: an ISO-8601 period. */
    static final class RetentionConverter implements ITypeConverter<Retention> {
        @Override
        public Retention convert(String text) {
            try {
                return Retention.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --read-budget}: at least 1 ms. */
    static final class BudgetConverter extends AtLeast {
        BudgetConverter() {
            super(Duration.ofMillis(1));
        }
    }

    /** {@code --db-connect-timeout}: at least 250 ms (HikariCP's least). */
    static final class ConnectTimeoutConverter extends AtLeast {
        ConnectTimeoutConverter() {
            super(Duration.ofMillis(250));
        }
    }

    /** {@code --db-socket-timeout}: at least 1 s (the PostgreSQL driver counts whole seconds). */
    static final class SocketTimeoutConverter extends AtLeast {
        SocketTimeoutConverter() {
            super(Duration.ofSeconds(1));
        }
    }

    /** A duration of the limits ({@code 10s}, {@code 500ms}, {@code 2m}, ISO-8601) of at least some length. */
    abstract static class AtLeast implements ITypeConverter<Duration> {
        private final Duration least;

        AtLeast(Duration least) {
            this.least = least;
        }

        @Override
        public Duration convert(String text) {
            Duration value;
            try {
                value = text.endsWith("ms") ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
                        : TimeText.duration(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("must be a duration as 10s, 500ms or 2m, got '" + text + "'");
            }
            if (value.compareTo(least) < 0) {
                throw new TypeConversionException("must be at least " + ReadBudget.shown(least) + ", got '" + text
                        + "'");
            }
            return value;
        }
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
