package io.devopskpi.core.store;

import static io.devopskpi.core.testing.SampleEvents.CLOCK;
import static io.devopskpi.core.testing.SampleEvents.deployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.ReviewPeriod;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.testing.TestStores;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12 item 8 on both stores: constants written by a newer version sharing the database (changed here by plain
 * SQL, as that version would write them) never fail a read; they degrade as api.md's "Limits and robustness" says.
 */
class StoredValuesTest {
    private static final String KINDS = "io.devopskpi.core.testing.TestStores#kinds";
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void knownConstantsAreReadAndUnknownOnesDegrade() {
        assertThat(StoredValues.result("FAILURE")).contains(DeploymentResult.FAILURE);
        assertThat(StoredValues.result("CANCELLED")).isEmpty();
        assertThat(StoredValues.result(null)).isEmpty();
        assertThat(StoredValues.countedResult("CANCELLED")).isEqualTo(DeploymentResult.ABORTED);
        assertThat(StoredValues.countedResult("SUCCESS")).isEqualTo(DeploymentResult.SUCCESS);
        assertThat(StoredValues.countedKind("CANARY")).isEqualTo(DeploymentKind.NORMAL);
        assertThat(StoredValues.countedKind("ROLLBACK")).isEqualTo(DeploymentKind.ROLLBACK);
        assertThat(StoredValues.kind("normal")).isEmpty(); // stored names are exact
        assertThat(StoredValues.responsibility("SECURITY")).isEmpty();
        assertThat(StoredValues.reviewPeriod("QUARTER")).contains(ReviewPeriod.QUARTER);
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void anAssignmentWithAnUnknownResponsibilityIsLeftOut(TestStores.Kind kind) throws Exception {
        try (Store store = kind.open()) {
            Assignment delivery = new Assignment("shop", "acme", null, Responsibility.DELIVERY, JAN, null);
            Assignment operations = new Assignment("shop", "globex", null, Responsibility.OPERATIONS, JAN, null);
            new Ingestor(store, CLOCK).ingest(List.of(delivery, operations));
            execute(store, "UPDATE assignment SET responsibility = 'SECURITY' WHERE supplier = 'globex'");

            EventReader reader = new EventReader(store);
            assertThat(reader.assignments("shop")).containsExactly(delivery);
            assertThat(reader.allAssignments()).containsExactly(delivery);
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void aDeploymentWithAnUnknownKindOrResultIsReadAsFarAsItCanBe(TestStores.Kind kind) throws Exception {
        try (Store store = kind.open()) {
            new Ingestor(store, CLOCK).ingest(List.of(deployment("ci-1/shop/42").build()));
            execute(store, "UPDATE deployment SET kind = 'CANARY', result = 'CANCELLED'");

            EventReader reader = new EventReader(store);
            // what the pipeline deployed last: the kind only a newer version knows counts as NORMAL
            assertThat(reader.lastTargetOf("shop/main").orElseThrow().kind()).isEqualTo(DeploymentKind.NORMAL);
            // a re-send cannot be compared with it: the message says why, naming the deployment, field and value
            assertThatThrownBy(() -> reader.findDeployment("ci-1/shop/42")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("deployment 'ci-1/shop/42'").hasMessageContaining("'CANCELLED'");
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void aTargetWithAnUnknownMetricOrReviewPeriodIsLeftOut(TestStores.Kind kind) throws Exception {
        try (Store store = kind.open()) {
            ContractTarget success = new ContractTarget("acme", null, GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST,
                    0.8, 10, ReviewPeriod.MONTH, JAN, null);
            ContractTarget failure = new ContractTarget("acme", null, GateMetric.CHANGE_FAILURE_RATE, Operator.AT_MOST,
                    0.2, 10, ReviewPeriod.MONTH, JAN, null);
            ContractTarget restore = new ContractTarget("acme", null, GateMetric.TIME_TO_RESTORE_MEAN, Operator.AT_MOST,
                    43_200, 1, ReviewPeriod.MONTH, JAN, null);
            new Ingestor(store, CLOCK).ingest(List.of(success, failure, restore));
            execute(store, "UPDATE contract_target SET review_period = 'YEAR' WHERE metric = 'changeFailureRate'");
            execute(store, "UPDATE contract_target SET metric = 'carbonPerDeployment'"
                    + " WHERE metric = 'timeToRestoreMean'");

            assertThat(new EventReader(store).targets("acme")).containsExactly(success);
            assertThat(new EventReader(store).targets(null)).containsExactly(success);
        }
    }

    private static void execute(Store store, String sql) throws Exception {
        try (Connection c = store.connection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
