package io.devopskpi.core.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the store lives: a JDBC URL (H2 or PostgreSQL) and credentials. The password is never printed:
 * {@link #toString()} leaves it out.
 */
public record StoreConfig(String jdbcUrl, String user, String password, int maxPoolSize, StoreTimeouts timeouts) {
    public static final String EMBEDDED_FILE = "devops-kpi";

    /** With the default timeouts. */
    public StoreConfig(String jdbcUrl, String user, String password, int maxPoolSize) {
        this(jdbcUrl, user, password, maxPoolSize, StoreTimeouts.DEFAULT);
    }

    public StoreConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(timeouts, "timeouts");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("unsupported JDBC URL (only jdbc:h2: and jdbc:postgresql:): "
                    + jdbcUrl.replaceAll("password=[^&;]*", "password=***"));
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1: " + maxPoolSize);
        }
    }

    /**
     * The default: an embedded H2 database file in the given data folder. {@code WRITE_DELAY=0}: H2 2.3 otherwise
     * leaves committed changes in memory for its background writer (500 ms), so a killed CI server loses writes
     * it already acknowledged; with 0, every commit is written to the file before it returns (to the OS, which
     * keeps it across a killed process; not forced to the disk, so a power cut may still lose the last ones).
     */
    public static StoreConfig embedded(Path dataDir) {
        return new StoreConfig("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(EMBEDDED_FILE)
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "sa", "", 8);
    }

    /** A private in-memory H2 database that lives as long as the store is open (tests, benchmarks). */
    public static StoreConfig inMemory(String name) {
        return new StoreConfig("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", 8);
    }

    public static StoreConfig jdbc(String jdbcUrl, String user, String password) {
        return new StoreConfig(jdbcUrl, user, password, 8);
    }

    /** The same store with other timeouts. */
    public StoreConfig withTimeouts(StoreTimeouts other) {
        return new StoreConfig(jdbcUrl, user, password, maxPoolSize, other);
    }

    /** The URL without its {@code ;SETTING=value} part: which database it names (H2's settings follow a ';'). */
    String database() {
        int settings = jdbcUrl.indexOf(';');
        return settings < 0 ? jdbcUrl : jdbcUrl.substring(0, settings);
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "StoreConfig[" + jdbcUrl.replaceAll("password=[^&;]*", "password=***") + ", user=" + user + "]";
    }
}
