package io.devopskpi.core.store;

import static io.devopskpi.core.testing.SampleEvents.CLOCK;
import static io.devopskpi.core.testing.SampleEvents.minimalDeployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.testing.TestStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PipelineQueriesTest {
    private static final String KINDS = "io.devopskpi.core.testing.TestStores#kinds";

    @ParameterizedTest
    @MethodSource(KINDS)
    void listsTheDistinctPipelinesOfAnApplication(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            new Ingestor(store, CLOCK).ingest(List.of(
                    minimalDeployment("d1").pipeline("shop/deploy").build(),
                    minimalDeployment("d2").pipeline("shop/deploy").build(),
                    minimalDeployment("d3").pipeline("shop/hotfix").build(),
                    minimalDeployment("d4").build(),
                    minimalDeployment("d5").application("billing").pipeline("billing/deploy").build()));

            assertThat(new EventReader(store).pipelines("shop")).containsExactly("shop/deploy", "shop/hotfix");
            assertThat(new EventReader(store).pipelines("none")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void findsTheLatestSuccessfulDeploymentOfAnApplicationAndEnvironment(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Instant t = Instant.parse("2026-01-05T10:00:00Z");
            new Ingestor(store, CLOCK).ingest(List.of(
                    minimalDeployment("old").started(t).finished(t.plusSeconds(60)).build(),
                    minimalDeployment("new").started(t.plusSeconds(3600)).finished(t.plusSeconds(3660)).build(),
                    minimalDeployment("failed").started(t.plusSeconds(7200)).finished(t.plusSeconds(7260))
                            .result(DeploymentResult.FAILURE).build(),
                    minimalDeployment("staging").environment("staging").started(t.plusSeconds(9000))
                            .finished(t.plusSeconds(9060)).build()));

            EventReader reader = new EventReader(store);
            assertThat(reader.lastSuccessfulDeployment("shop", "production")).contains("new");
            assertThat(reader.lastSuccessfulDeployment("shop", "staging")).contains("staging");
            assertThat(reader.lastSuccessfulDeployment("billing", "production")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void findsWhatAPipelineDeployedLastWhateverTheResult(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Instant t = Instant.parse("2026-01-05T10:00:00Z");
            new Ingestor(store, CLOCK).ingest(List.of(
                    at(minimalDeployment("billing").application("billing").pipeline("ops/deploy"), t.minusSeconds(3600)),
                    at(minimalDeployment("shop").pipeline("ops/deploy"), t),
                    at(minimalDeployment("hotfix").environment("staging").kind(DeploymentKind.HOTFIX).team("payments")
                            .result(DeploymentResult.FAILURE).pipeline("ops/deploy"), t.plusSeconds(3600)),
                    at(minimalDeployment("other").application("other").pipeline("ops/deploy-other"),
                            t.plusSeconds(7200)),
                    at(minimalDeployment("unnamed").application("unnamed"), t.plusSeconds(9000))));

            EventReader reader = new EventReader(store);
            assertThat(reader.lastTargetOf("ops/deploy")).contains(
                    new DeploymentTarget("shop", "staging", DeploymentKind.HOTFIX, "payments"));
            assertThat(reader.lastTargetOf("ops/deploy-other").map(DeploymentTarget::application)).contains("other");
            assertThat(reader.lastTargetOf("ops")).isEmpty();
            assertThat(reader.lastTargetOf("ops/deploy ")).isEmpty();
        }
    }

    /**
     * Names longer than the indexed prefix: stored (2000 varied CJK characters are 6000 bytes that do not compress,
     * more than a PostgreSQL index row may hold), and told apart by what follows the prefix.
     */
    @ParameterizedTest
    @MethodSource(KINDS)
    void findsALongPipelineByItsWholeName(TestStores.Kind kind) {
        Random random = new Random(42);
        StringBuilder name = new StringBuilder();
        while (name.length() < 2000) {
            name.appendCodePoint(0x4E00 + random.nextInt(20_000));
        }
        String common = name.toString();
        try (Store store = kind.open()) {
            Instant t = Instant.parse("2026-01-05T10:00:00Z");
            new Ingestor(store, CLOCK).ingest(List.of(
                    at(minimalDeployment("a").application("a").pipeline(common + "/a"), t),
                    at(minimalDeployment("b").application("b").pipeline(common + "/b"), t.plusSeconds(60))));

            EventReader reader = new EventReader(store);
            assertThat(reader.lastTargetOf(common + "/a").map(DeploymentTarget::application)).contains("a");
            assertThat(reader.lastTargetOf(common + "/b").map(DeploymentTarget::application)).contains("b");
            assertThat(reader.lastTargetOf(common)).isEmpty();
        }
    }

    /** The V3 migration fills the indexed prefix of the deployments stored before it. */
    @ParameterizedTest
    @MethodSource(KINDS)
    void findsDeploymentsStoredBeforeThePrefixExisted(TestStores.Kind kind) throws SQLException {
        StoreConfig config = kind.freshDatabase();
        Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations("classpath:db/migration").target("2").load().migrate();
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO deployment (id, application, environment, started, finished, result, kind,"
                    + " pipeline, imported, recorded_at) VALUES ('old', 'shop', 'production',"
                    + " TIMESTAMP WITH TIME ZONE '2025-12-01 10:00:00+00', TIMESTAMP WITH TIME ZONE '2025-12-01 10:05:00+00',"
                    + " 'SUCCESS', 'NORMAL', 'shop/deploy', FALSE, TIMESTAMP WITH TIME ZONE '2025-12-01 10:05:00+00')");
        }
        try (Store store = Store.open(config)) {
            assertThat(new EventReader(store).lastTargetOf("shop/deploy")).contains(
                    new DeploymentTarget("shop", "production", DeploymentKind.NORMAL, null));
        }
    }

    private static Deployment at(Deployment.Builder deployment, Instant finished) {
        return deployment.started(finished.minusSeconds(300)).finished(finished).build();
    }
}
