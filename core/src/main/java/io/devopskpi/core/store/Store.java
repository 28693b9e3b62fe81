package io.devopskpi.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The event store: a pooled JDBC data source whose schema is migrated on open (Flyway, {@code db/migration}).
 * The same schema and SQL serve embedded H2 and PostgreSQL. Opening depends on nothing but core's own class loader
 * (not the thread's context class loader, nor {@code DriverManager}), so it works inside a Jenkins plugin.
 */
public final class Store implements AutoCloseable {
    static final int H2_LOCK_TIMEOUT_MILLIS = 60_000;

    private final StoreConfig config;
    private final HikariDataSource dataSource;
    /** H2's file housekeeping, for an embedded file written at every commit; null otherwise. */
    private final EmbeddedCompaction compaction;

    private Store(StoreConfig config, HikariDataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
        this.compaction = EmbeddedCompaction.of(config, dataSource);
    }

    /** Opens the pool and brings the schema up to date; fails with {@link StoreException} when unusable. */
    public static Store open(StoreConfig config) {
        EmbeddedMigration.migrateOnCopy(config);
        return open(config, DriverDataSource.of(config));
    }

    /**
     * Like {@link #open(StoreConfig)}, over connections from {@code connections} (tests: a store written by an older
     * H2 loaded in a class loader of its own).
     */
    static Store open(StoreConfig config, DataSource connections) {
        HikariConfig hikari = new HikariConfig();
        // The credentials live in the data source only: set on the pool, it would ask getConnection(user, password)
        hikari.setDataSource(connections);
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setPoolName("devops-kpi");
        hikari.setAutoCommit(true);
        hikari.setInitializationFailTimeout(10_000);
        // a caller waits at most this for a pooled connection (Hikari's default: 30 s); also the login timeout
        hikari.setConnectionTimeout(config.timeouts().connection().toMillis());
        hikari.setExceptionOverrideClassName(CancelledStatements.class.getName());
        hikari.setValidationTimeout(Math.max(250, config.timeouts().connection().toMillis() / 2));
        if (!config.isPostgres()) {
            // Writers queue on the write_lock row (EventTransaction); H2 gives up after 2 s by default, which a
            // large batch of another writer can exceed. PostgreSQL waits without limit by default.
            hikari.setConnectionInitSql("SET LOCK_TIMEOUT " + H2_LOCK_TIMEOUT_MILLIS);
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store " + config + ": " + rootMessage(e), e);
        }
        try {
            migrations(dataSource).migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException("cannot migrate the store " + config + ": " + rootMessage(e), e);
        }
        return new Store(config, dataSource);
    }

    /** The schema migrations ({@code db/migration}) over {@code connections}. */
    static Flyway migrations(DataSource connections) {
        // Core's own loader, not the thread's: in Jenkins the context class loader of the outbox, step and CPS
        // threads is core Jenkins', which cannot see db/migration. Flyway 13 finds its database plugins
        // (flyway-database-postgresql) through its own class loader; only its slf4j detection looks at the
        // context class loader, and a miss there merely changes where Flyway logs.
        return Flyway.configure(Store.class.getClassLoader())
                .dataSource(connections)
                .locations("classpath:db/migration")
                .javaMigrations(new FirstListingsMigration())
                .load();
    }

    DataSource dataSource() {
        return dataSource;
    }

    public StoreConfig config() {
        return config;
    }

    /** A pooled connection; under a {@link ReadDeadline}, one whose statements stop when the budget is spent. */
    Connection connection() throws SQLException {
        if (!ReadDeadline.isSet()) {
            return dataSource.getConnection();
        }
        BudgetedConnection.requireTimeLeft();
        return BudgetedConnection.wrap(dataSource.getConnection());
    }

    /** Whether the store answers a trivial query now. */
    public boolean isUsable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (compaction != null) {
            compaction.close();
        }
        dataSource.close();
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
