package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.store.StoreConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * issue 13, the time budget of every read ({@code --read-budget}): the store's {@code deployment} table is swapped
 * for a view that makes the database sleep 10 ms on every row (a Java function on H2, {@code pg_sleep} on
 * PostgreSQL), so listing 2,000 deployments would take 20 s (H2 looks for a cancellation every 128 rows). With a budget of 1 s the read answers 503 saying so,
 * long before the 20 s, the database stops the statement (on PostgreSQL: no query of the server is left running),
 * and the server goes on answering, with as many slow reads at once as its pool has connections and more.
 */
class ReadBudgetApiTest {
    private static final Duration BUDGET = Duration.ofSeconds(1);
    /** Far below the 20 s the read would take without a budget; far above the budget, for a loaded machine. */
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String SLOW_LIST = "/api/v1/deployments?application=shop&window=P30D&limit=100";

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }


    @Test
    void aSlowReadOnH2Answers503WithinItsBudgetAndTheServerGoesOn() throws Exception {
        StoreConfig store = TestServer.freshStore();
        try (TestServer server = server(store)) {
            store2000(server);
            server.execute("CREATE ALIAS SLOW_ROW FOR \"" + SlowRow.class.getName() + ".slowRow\"");
            server.execute("ALTER TABLE deployment RENAME TO deployment_rows");
            server.execute("CREATE VIEW deployment AS SELECT * FROM deployment_rows WHERE SLOW_ROW()");
            assertSlowReadsStopAndServerGoesOn(server);
        }
    }

    @Test
    void aSlowReadOnPostgresAnswers503AndTheDatabaseStopsTheStatement() throws Exception {
        String database = "budget" + System.nanoTime();
        try (var admin = postgres.getPostgresDatabase().getConnection(); var s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        StoreConfig store = StoreConfig.jdbc("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database,
                "postgres", "postgres");
        try (TestServer server = server(store)) {
            store2000(server);
            server.execute("CREATE FUNCTION slow_row() RETURNS boolean LANGUAGE plpgsql VOLATILE AS "
                    + "$$ BEGIN PERFORM pg_sleep(0.01); RETURN true; END $$");
            server.execute("ALTER TABLE deployment RENAME TO deployment_rows");
            server.execute("CREATE VIEW deployment AS SELECT * FROM deployment_rows WHERE slow_row()");
            assertSlowReadsStopAndServerGoesOn(server);
            // the database cancelled the statements: none of the server's is still running a second later
            Thread.sleep(1_500);
            assertThat(server.text("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '" + database
                    + "' AND state = 'active' AND query LIKE '%deployment%' AND pid <> pg_backend_pid()"))
                    .isEqualTo("0");
        }
    }

    @Test
    void theCommandLineTakesTheBudgetAndTheStoreTimeoutsAndRefusesNonsenseNamingIt() throws Exception {
        assertThat(CommandLine.parse().serverLimits().readBudget()).isEqualTo(ServerLimits.DEFAULT_READ_BUDGET);
        assertThat(CommandLine.parse("--read-budget", "500ms").serverLimits().readBudget()).isEqualTo(Duration.ofMillis(500));
        assertThat(CommandLine.parse("--read-budget", "2m").serverLimits().readBudget()).isEqualTo(Duration.ofMinutes(2));
        ServerOptions options = CommandLine.parse("--db", "jdbc:postgresql://db/kpi", "--db-connect-timeout", "3s",
                "--db-socket-timeout", "20s").options("w", TestServer.CLOCK);
        assertThat(options.store().timeouts()).isEqualTo(new io.devopskpi.core.store.StoreTimeouts(
                Duration.ofSeconds(3), Duration.ofSeconds(20)));
        assertThat(CommandLine.parse().options("w", TestServer.CLOCK).store().timeouts())
                .isEqualTo(io.devopskpi.core.store.StoreTimeouts.DEFAULT);
        for (String[] bad : new String[][] {{"--read-budget", "soon"}, {"--read-budget", "0ms"},
                {"--db-socket-timeout", "500ms"}, {"--db-connect-timeout", "-3s"}}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                CommandLine parsed = CommandLine.parse(bad);
                parsed.serverLimits();
                parsed.options("w", TestServer.CLOCK);
            }).isInstanceOf(CommandLine.UsageException.class).hasMessageContaining(bad[0])
                    .hasMessageContaining("'" + bad[1] + "'");
        }
    }

    private static TestServer server(StoreConfig store) {
        return TestServer.start(store, ServerOptions.forTests(store, TestServer.TOKEN, TestServer.CLOCK),
                ServerLimits.defaults().withReadBudget(BUDGET));
    }

    private static void store2000(TestServer server) {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 2_000; i++) {
            batch.append(i == 0 ? "" : ",").append("""
                    {"type": "deployment", "id": "slow-%d", "application": "shop", "environment": "production",
                     "started": "2026-01-30T10:00:00Z", "finished": "2026-01-30T10:07:00Z", "result": "SUCCESS"}"""
                    .formatted(i));
        }
        assertThat(server.post(batch.append("]").toString()).statusCode()).isEqualTo(200);
    }

    private static void assertSlowReadsStopAndServerGoesOn(TestServer server) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> slow = server.get(SLOW_LIST);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(slow.statusCode()).isEqualTo(503);
        assertThat(TestServer.json(slow).get("error").getAsString())
                .contains("longer than its time budget of 1 s").doesNotContain("SQL").doesNotContain("Exception");
        assertThat(took).isLessThan(BOUND);

        // twelve at once, more than the pool's eight connections: each is stopped and frees its connection
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> server.get(SLOW_LIST).statusCode(), clients));
            }
            for (CompletableFuture<Integer> answer : answers) {
                assertThat(answer.get(3 * BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(503);
            }
        } finally {
            clients.shutdownNow();
        }
        // the server goes on: health, a read that does not touch the slowed table, and a write
        assertThat(server.get("/api/v1/health").statusCode()).isEqualTo(200);
        assertThat(server.get("/api/v1/targets").statusCode()).isEqualTo(200);
        assertThat(server.get("/api/v1/assignments").statusCode()).isEqualTo(200);
    }
}
