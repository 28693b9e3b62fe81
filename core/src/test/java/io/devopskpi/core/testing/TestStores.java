package io.devopskpi.core.testing;

import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Real stores for tests: a fresh in-memory H2 database, or a fresh database in one real PostgreSQL server
 * (binaries from Maven Central, started once per test JVM). Use as a {@code @MethodSource} of a
 * {@code @ParameterizedTest} so the same test runs on both.
 */
public final class TestStores {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestStores() {
    }

    /** The kinds of store every storage test runs on. */
    public enum Kind {
        H2, POSTGRESQL;

        public Store open() {
            return Store.open(freshDatabase());
        }

        /** A new, empty database of this kind, not yet migrated (for tests of the migrations themselves). */
        public StoreConfig freshDatabase() {
            return this == H2 ? StoreConfig.inMemory("test" + COUNTER.incrementAndGet()) : postgresDatabase();
        }
    }

    public static Stream<Kind> kinds() {
        return Stream.of(Kind.values());
    }

    /**
     * Every kind of store with each random seed from 1 to {@code seeds}: the arguments of a test that compares a
     * read with its reference query over generated estates.
     */
    public static List<Arguments> kindsAndSeeds(int seeds) {
        List<Arguments> estates = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (long seed = 1; seed <= seeds; seed++) {
                estates.add(Arguments.of(kind, seed));
            }
        }
        return estates;
    }

    public static Store h2() {
        return Store.open(StoreConfig.inMemory("test" + COUNTER.incrementAndGet()));
    }

    /** A new, empty database in the shared embedded PostgreSQL server. */
    public static Store postgres() {
        return Store.open(postgresDatabase());
    }

    private static StoreConfig postgresDatabase() {
        EmbeddedPostgres server = server();
        String database = "test" + COUNTER.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
        return StoreConfig.jdbc("jdbc:postgresql://localhost:" + server.getPort() + "/" + database, "postgres",
                "postgres");
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending; the temporary data folder is removed by the OS at worst
                }
            }));
        }
        return postgres;
    }
}
