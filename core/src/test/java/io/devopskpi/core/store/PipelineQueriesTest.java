package io.devopskpi.core.store;

import static io.devopskpi.core.testing.SampleEvents.CLOCK;
import static io.devopskpi.core.testing.SampleEvents.minimalDeployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.testing.TestStores;
import java.time.Instant;
import java.util.List;
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
}
