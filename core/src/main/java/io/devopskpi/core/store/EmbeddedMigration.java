package io.devopskpi.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Brings an embedded H2 file store's schema up to date on a copy, then moves the copy into place. H2 commits every
 * DDL statement on its own, and Flyway records a migration only once all of it has run: a process killed in between
 * (a CI server stopped hard on its first start, or during an upgrade) would leave tables Flyway does not know of,
 * and every later start would fail on them ("Table ... already exists"). The database file is only ever replaced by
 * a complete, migrated and closed one, by an atomic rename; a copy left by a kill is deleted on the next start. A lock
 * on {@code devops-kpi.migration.lock} beside it admits one process at a time to all of this.
 * PostgreSQL runs each migration in a transaction and needs none of this; nor do in-memory stores.
 */
final class EmbeddedMigration {
    static final String FILE_URL = "jdbc:h2:file:";
    private static final String DATABASE_SUFFIX = ".mv.db";
    private static final String COPY_SUFFIX = ".migrating";
    private static final String LOCK_SUFFIX = ".migration.lock";

    private EmbeddedMigration() {
    }

    /** Migrates {@code config}'s database if it is an H2 file with migrations pending (or not there yet). */
    static void migrateOnCopy(StoreConfig config) {
        String database = config.database();
        if (!database.startsWith(FILE_URL)) {
            return;
        }
        String settings = config.jdbcUrl().substring(database.length());
        String name = database.substring(FILE_URL.length());
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1); // as H2 reads it
        }
        // H2's own file lock is not held while the store is closed for its copy: this one keeps a second process
        // on the same folder from deleting or replacing the copy meanwhile
        Path lockFile = Path.of(name + LOCK_SUFFIX).toAbsolutePath();
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.tryLock()) {
                if (lock == null) {
                    throw new StoreException("cannot open the store " + config
                            + ": another process is migrating it (" + lockFile.getFileName() + ")");
                }
                migrateOnCopy(config, name, settings);
            }
        } catch (IOException | OverlappingFileLockException e) {
            throw new StoreException("cannot open the store " + config + ": another process is migrating it or "
                    + lockFile + " cannot be locked: " + Store.rootMessage(e), e);
        }
    }

    private static void migrateOnCopy(StoreConfig config, String name, String settings) {
        Path database = Path.of(name + DATABASE_SUFFIX);
        Path copy = Path.of(name + COPY_SUFFIX + DATABASE_SUFFIX);
        boolean exists = Files.exists(database);
        try {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(Path.of(name + COPY_SUFFIX + ".trace.db"));
            if (exists && !hasPendingMigrations(config)) {
                return;
            }
        } catch (IOException | SQLException | RuntimeException e) {
            throw new StoreException("cannot open the store " + config + ": " + Store.rootMessage(e), e);
        }
        try {
            if (exists) {
                Files.copy(database, copy);
            }
            StoreConfig copyConfig = new StoreConfig(FILE_URL + name + COPY_SUFFIX + settings, config.user(),
                    config.password(), 1, config.timeouts());
            DriverDataSource copyConnections = DriverDataSource.of(copyConfig);
            Store.migrations(copyConnections).migrate();
            try (Connection c = copyConnections.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
            try (FileChannel file = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                file.force(true);
            }
            Files.move(copy, database, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | SQLException | RuntimeException e) {
            throw new StoreException("cannot migrate the store " + config + ": " + Store.rootMessage(e), e);
        }
    }

    /** Whether Flyway has migrations to apply; if so, the database is closed in this JVM, ready to be copied. */
    private static boolean hasPendingMigrations(StoreConfig config) throws SQLException {
        DriverDataSource connections = DriverDataSource.of(config);
        if (Store.migrations(connections).info().pending().length == 0) {
            return false;
        }
        // a URL with DB_CLOSE_DELAY would keep the database open after Flyway's connections closed
        try (Connection c = connections.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
        return true;
    }
}
