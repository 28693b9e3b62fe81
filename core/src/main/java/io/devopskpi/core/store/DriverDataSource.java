package io.devopskpi.core.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections straight from a driver instance core loaded itself. {@code DriverManager} only hands out drivers
 * visible to the caller's or the context class loader and caches its scan per JVM; inside a plugin class loader
 * (Jenkins) neither holds, so the pool must never go through it.
 */
final class DriverDataSource implements DataSource {

    private final Driver driver;
    private final String url;
    private final String user;
    private final String password;
    private final boolean postgres;
    private final StoreTimeouts timeouts;
    private volatile int loginTimeoutSeconds;

    DriverDataSource(Driver driver, String url, String user, String password, boolean postgres,
            StoreTimeouts timeouts) {
        this.driver = driver;
        this.timeouts = timeouts;
        this.url = url;
        this.user = user;
        this.password = password;
        this.postgres = postgres;
    }

    /** The driver of the URL's database, from core's own class loader. */
    static DriverDataSource of(StoreConfig config) {
        Driver driver = config.isPostgres() ? new org.postgresql.Driver() : new org.h2.Driver();
        return new DriverDataSource(driver, config.jdbcUrl(), config.user(), config.password(), config.isPostgres(),
                config.timeouts());
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String secret) throws SQLException {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (secret != null) {
            properties.setProperty("password", secret);
        }
        if (postgres && !url.contains("connectTimeout=")) {
            properties.setProperty("connectTimeout", Long.toString(
                    Math.max(1, timeouts.connection().toSeconds())));
        }
        if (postgres && !url.contains("socketTimeout=")) {
            // a dead network path (no reset) would otherwise hold a pooled connection, and the thread using it, for
            // ever; long enough for the slowest legitimate query (a URL setting wins)
            properties.setProperty("socketTimeout", Long.toString(timeouts.socket().toSeconds()));
        }
        if (postgres && !url.contains("reWriteBatchedInserts=")) {
            // a statement batch of inserts travels as multi-row INSERTs: a writer's batch of 1,000 deployments with
            // 3 changes each is a few statements instead of several thousand (a URL setting wins)
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        if (postgres && loginTimeoutSeconds > 0) {
            // what PgJDBC would otherwise take from DriverManager's global login timeout; H2 refuses unknown settings
            properties.setProperty("loginTimeout", Integer.toString(loginTimeoutSeconds));
        }
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException(driver.getClass().getName() + " does not accept the URL " + this);
        }
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the driver logs through its own logger
    }

    /** Set by the pool, which also waits this long for a connection being opened when it closes. */
    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    /** The URL without any password in it; the password field is never printed. */
    @Override
    public String toString() {
        return url.replaceAll("password=[^&;]*", "password=***");
    }
}
