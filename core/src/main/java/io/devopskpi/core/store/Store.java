package io.devopskpi.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The event store: a pooled JDBC data source whose schema is migrated on open (Flyway, {@code db/migration}).
 * The same schema and SQL serve embedded H2 and PostgreSQL.
 */
public final class Store implements AutoCloseable {
    static final int H2_LOCK_TIMEOUT_MILLIS = 60_000;

    private final StoreConfig config;
    private final HikariDataSource dataSource;

    private Store(StoreConfig config, HikariDataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
    }

    /** Opens the pool and brings the schema up to date; fails with {@link StoreException} when unusable. */
    public static Store open(StoreConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setPoolName("devops-kpi");
        hikari.setAutoCommit(true);
        hikari.setInitializationFailTimeout(10_000);
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
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException("cannot migrate the store " + config + ": " + rootMessage(e), e);
        }
        return new Store(config, dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public StoreConfig config() {
        return config;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
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
