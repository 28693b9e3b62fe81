package io.devopskpi.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Backup and restore of the embedded H2 store (docs/reliability.md, "Backup and restore"). A backup is a zip file
 * holding {@value #MANIFEST} (the schema version, the H2 version, the time) and the database file as H2's
 * {@code BACKUP TO} wrote it: a consistent copy taken while the store is in use, writers waiting at most for the
 * copy. A restore goes into an empty data folder only, and refuses a backup of a newer schema than this build's
 * or of another H2 file format. PostgreSQL stores are backed up with pg_dump instead.
 */
public final class StoreBackup {
    public static final String MANIFEST = "devops-kpi-backup.properties";
    static final String FORMAT = "1";
    /** H2's error codes: DATABASE_NOT_FOUND_WITH_IF_EXISTS_1 and DATABASE_ALREADY_OPEN_1. */
    private static final int H2_NOT_FOUND = 90_146;
    private static final int H2_IN_USE = 90_020;

    private StoreBackup() {
    }

    /** What a backup says about itself. */
    public record Manifest(int schemaVersion, String h2Version, Instant taken) {
        /** H2's file format changes between minor versions (2.1 → 2.2); within one, files are compatible. */
        public String h2Format() {
            String[] parts = h2Version.split("[. ]");
            return parts.length >= 2 ? parts[0] + "." + parts[1] : h2Version;
        }
    }

    /**
     * Writes a consistent backup of the open embedded store to {@code target} (replaced if it exists).
     *
     * @throws IllegalStateException for a PostgreSQL store
     */
    public static Manifest backup(Store store, Path target, Instant now) {
        if (store.config().isPostgres()) {
            throw new IllegalStateException("the store is PostgreSQL: back it up with pg_dump (docs/reliability.md)");
        }
        try (Connection connection = store.connection()) {
            return backup(connection, target, now);
        } catch (SQLException e) {
            throw new StoreException("cannot back up the store " + store.config() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Backs up the embedded store in {@code dataDir} that no server has open, as it is: its schema is not migrated
     * first, and a folder without a store is refused rather than given an empty one.
     *
     * @throws StoreException when there is no store or a running server holds it (H2 locks its file)
     */
    public static Manifest backup(Path dataDir, Path target, Instant now) {
        StoreConfig embedded = StoreConfig.embedded(dataDir);
        StoreConfig existing = new StoreConfig(embedded.jdbcUrl() + ";IFEXISTS=TRUE", embedded.user(),
                embedded.password(), 1);
        try (Connection connection = DriverDataSource.of(existing).getConnection()) {
            return backup(connection, target, now);
        } catch (SQLException e) {
            String reason = e.getErrorCode() == H2_NOT_FOUND ? "there is no store in " + dataDir
                    : e.getErrorCode() == H2_IN_USE ? "the store in " + dataDir + " is in use by a running server: "
                    + "back it up through the server (backup --server URL --token-file F)"
                    : "cannot back up the store in " + dataDir + ": " + e.getMessage();
            throw new StoreException(reason, e);
        }
    }

    private static Manifest backup(Connection connection, Path target, Instant now) throws SQLException {
        Path absolute = target.toAbsolutePath();
        Path database = absolute.resolveSibling(absolute.getFileName() + ".h2.zip");
        try {
            Manifest manifest = new Manifest(schemaVersion(connection), h2Version(connection), now);
            try (PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
                backup.setString(1, database.toString());
                backup.execute();
            }
            Path written = absolute.resolveSibling(absolute.getFileName() + ".partial");
            try (OutputStream file = Files.newOutputStream(written); ZipOutputStream zip = new ZipOutputStream(file);
                    ZipFile h2 = new ZipFile(database.toFile())) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                manifestProperties(manifest).store(zip, "devops-kpi backup");
                zip.closeEntry();
                for (Enumeration<? extends ZipEntry> entries = h2.entries(); entries.hasMoreElements(); ) {
                    ZipEntry entry = entries.nextElement();
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream in = h2.getInputStream(entry)) {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
            Files.move(written, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup " + absolute + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(database);
            } catch (IOException e) {
                // a leftover temporary file next to the backup; nothing to undo
            }
        }
    }

    /** The manifest of a backup file. @throws IllegalArgumentException when it is no devops-kpi backup */
    public static Manifest manifest(Path backup) {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                throw new IllegalArgumentException(backup + " is no devops-kpi backup: it lacks " + MANIFEST);
            }
            Properties properties = new Properties();
            try (InputStream in = zip.getInputStream(entry)) {
                properties.load(in);
            }
            return new Manifest(Integer.parseInt(properties.getProperty("schemaVersion", "")),
                    properties.getProperty("h2Version", ""), Instant.parse(properties.getProperty("taken", "")));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the backup " + backup + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException && e.getMessage() != null
                    && e.getMessage().contains("no devops-kpi backup")) {
                throw e;
            }
            throw new IllegalArgumentException(backup + " has an unreadable " + MANIFEST + ": " + e.getMessage(), e);
        }
    }

    /**
     * Restores a backup into {@code dataDir}, which must be empty or absent, after checking it against this build
     * ({@code schemaVersion} and {@code h2Version} of a store this build opens); then opens the restored store
     * once, bringing an older schema up to date.
     *
     * @throws IllegalArgumentException naming what is refused; the data folder is left as it was
     */
    public static Manifest restore(Path backup, Path dataDir, int schemaVersion, String h2Version) {
        Manifest manifest = manifest(backup);
        if (manifest.schemaVersion() > schemaVersion) {
            throw new IllegalArgumentException("the backup holds schema version " + manifest.schemaVersion()
                    + ", newer than this build's " + schemaVersion + ": restore it with the devops-kpi version that "
                    + "wrote it, or a newer one");
        }
        Manifest here = new Manifest(schemaVersion, h2Version, manifest.taken());
        if (!manifest.h2Format().equals(here.h2Format())) {
            throw new IllegalArgumentException("the backup was written by H2 " + manifest.h2Version()
                    + ", whose files this build's H2 " + h2Version + " cannot open: restore it with the version that "
                    + "wrote it and move the data with SCRIPT and RUNSCRIPT (docs/reliability.md)");
        }
        try {
            if (Files.exists(dataDir)) {
                if (!Files.isDirectory(dataDir)) {
                    throw new IllegalArgumentException(dataDir + " is not a folder");
                }
                try (var entries = Files.list(dataDir)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(dataDir + " is not empty: restore into an empty or new "
                                + "folder, so that no store is overwritten");
                    }
                }
            }
            Files.createDirectories(dataDir);
            try (ZipFile zip = new ZipFile(backup.toFile())) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                    ZipEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (name.equals(MANIFEST)) {
                        continue;
                    }
                    if (!name.matches("[A-Za-z0-9_.-]+\\.mv\\.db") || entry.isDirectory()) {
                        throw new IllegalArgumentException(backup + " holds an unexpected entry '" + name + "'");
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, dataDir.resolve(name));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore into " + dataDir + ": " + e.getMessage(), e);
        }
        Store.open(StoreConfig.embedded(dataDir)).close();
        return manifest;
    }

    /** Restores into {@code dataDir}, checked against the schema and H2 versions of this build. */
    public static Manifest restore(Path backup, Path dataDir) {
        Manifest here = thisBuild();
        return restore(backup, dataDir, here.schemaVersion(), here.h2Version());
    }

    /** The schema version and H2 version this build's stores have: a private in-memory store, opened once. */
    public static Manifest thisBuild() {
        // Flyway takes a second connection while it migrates: a pool of one would wait for itself
        try (Store probe = Store.open(new StoreConfig("jdbc:h2:mem:devops-kpi-schema-" + UUID.randomUUID(), "sa", "",
                2))) {
            return new Manifest(schemaVersion(probe), h2Version(probe), Instant.EPOCH);
        }
    }

    /** The highest schema migration the store has applied (Flyway's history). */
    public static int schemaVersion(Store store) {
        try (Connection connection = store.connection()) {
            return schemaVersion(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot read the schema version of " + store.config() + ": " + e.getMessage(), e);
        }
    }

    /** The database's product version, e.g. {@code 2.3.232 (2024-08-11)}. */
    public static String h2Version(Store store) {
        try (Connection connection = store.connection()) {
            return h2Version(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot read the database version of " + store.config() + ": "
                    + e.getMessage(), e);
        }
    }

    private static int schemaVersion(Connection connection) throws SQLException {
        int highest = 0;
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
            while (rows.next()) {
                highest = Math.max(highest, Integer.parseInt(rows.getString(1).split("\\.")[0]));
            }
        }
        return highest;
    }

    private static String h2Version(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductVersion();
    }

    private static Properties manifestProperties(Manifest manifest) {
        Properties properties = new Properties();
        properties.setProperty("format", FORMAT);
        properties.setProperty("schemaVersion", Integer.toString(manifest.schemaVersion()));
        properties.setProperty("h2Version", manifest.h2Version());
        properties.setProperty("taken", manifest.taken().toString());
        return properties;
    }
}
