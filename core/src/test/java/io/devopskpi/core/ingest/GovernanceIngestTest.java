package io.devopskpi.core.ingest;

import static io.devopskpi.core.testing.SampleEvents.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.model.ApplicationProfile;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.GatePolicy;
import io.devopskpi.core.model.ReviewPeriod;
import io.devopskpi.core.model.Survey;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.testing.TestStores;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Idempotency and conflicts of the governance events (contract), on H2 and PostgreSQL. */
class GovernanceIngestTest {
    private static final String KINDS = "io.devopskpi.core.testing.TestStores#kinds";
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant JUL = Instant.parse("2026-07-01T00:00:00Z");

    private static ContractTarget target(List<String> applications, double value, Instant from, Instant to) {
        return new ContractTarget("acme", applications, GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST, value, 10,
                ReviewPeriod.QUARTER, from, to);
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void aResentApplicationProfileReplacesItsTags(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            ApplicationProfile web = new ApplicationProfile("shop", List.of("web", "customer-facing"));
            assertThat(ingestor.ingest(List.of(web))).isEqualTo(new IngestResult(1, 0, 0));
            // the same tags in another order, one twice: the same set
            assertThat(ingestor.ingest(List.of(new ApplicationProfile("shop",
                    List.of("customer-facing", "web", "web"))))).isEqualTo(new IngestResult(0, 1, 0));
            ApplicationProfile internal = new ApplicationProfile("shop", List.of("internal"));
            assertThat(ingestor.ingest(List.of(internal))).isEqualTo(new IngestResult(0, 0, 1));
            assertThat(new EventReader(store).profiles()).containsExactly(internal);
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void aTargetIsKeyedBySupplierApplicationsMetricAndFrom(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            ContractTarget first = target(List.of("shop", "checkout"), 0.9, JAN, JUL);
            assertThat(ingestor.ingest(List.of(first))).isEqualTo(new IngestResult(1, 0, 0));
            // the applications are a set: another order is the same key and the same content
            assertThat(ingestor.ingest(List.of(target(List.of("checkout", "shop"), 0.9, JAN, JUL))))
                    .isEqualTo(new IngestResult(0, 1, 0));
            ContractTarget lowered = target(List.of("checkout", "shop"), 0.85, JAN, null);
            assertThat(ingestor.ingest(List.of(lowered))).isEqualTo(new IngestResult(0, 0, 1));
            // another applications set is another target, even where the periods overlap
            ContractTarget allApplications = target(null, 0.8, JAN, null);
            assertThat(ingestor.ingest(List.of(allApplications))).isEqualTo(new IngestResult(1, 0, 0));
            // all applications (no names) sort first
            assertThat(new EventReader(store).targets("acme")).containsExactly(allApplications, lowered);
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void anOverlappingTargetIsRefusedNamingTheOtherAndNothingOfTheBatchIsStored(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            ingestor.ingest(List.of(target(null, 0.9, JAN, null)));
            ContractTarget renegotiated = target(null, 0.95, JUL, null);
            assertThatThrownBy(() -> ingestor.ingest(List.of(new ApplicationProfile("shop", List.of("web")),
                    renegotiated)))
                    .isInstanceOfSatisfying(EventConflictException.class, e -> {
                        assertThat(e.index()).isEqualTo(1);
                        assertThat(e).hasMessage("target 'acme/changeSuccessRate/2026-07-01T00:00:00Z' overlaps "
                                + "target 'acme/changeSuccessRate/2026-01-01T00:00:00Z' (changeSuccessRate >= 0.9, "
                                + "2026-01-01T00:00:00Z..open): end the other one first by re-sending it with a 'to'");
                    });
            assertThat(new EventReader(store).profiles()).isEmpty();
            // ending the first one on Jul 1 in the same batch lets the renegotiated one follow it
            assertThat(ingestor.ingest(List.of(target(null, 0.9, JAN, JUL), renegotiated)))
                    .isEqualTo(new IngestResult(1, 0, 1));
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void aResentSurveyUpdatesItsResultsButNotWhomItIsAbout(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            Survey survey = new Survey("2026-Q1-acme-shop", "acme", "shop", JAN, Instant.parse("2026-04-01T00:00:00Z"),
                    4.2, 12, "slow answers");
            assertThat(ingestor.ingest(List.of(survey))).isEqualTo(new IngestResult(1, 0, 0));
            assertThat(ingestor.ingest(List.of(survey))).isEqualTo(new IngestResult(0, 1, 0));
            Survey corrected = new Survey("2026-Q1-acme-shop", "acme", "shop", JAN,
                    Instant.parse("2026-04-01T00:00:00Z"), 4.0, 14, null);
            assertThat(ingestor.ingest(List.of(corrected))).isEqualTo(new IngestResult(0, 0, 1));
            assertThatThrownBy(() -> ingestor.ingest(List.of(new Survey("2026-Q1-acme-shop", "globex", "shop", JAN,
                    Instant.parse("2026-04-01T00:00:00Z"), 4.0, 14, null))))
                    .isInstanceOf(EventConflictException.class)
                    .hasMessage("survey '2026-Q1-acme-shop' was already stored with a different supplier: stored "
                            + "'acme', sent 'globex'");
            assertThat(new EventReader(store).surveys()).containsExactly(corrected);
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void aResentPolicyReplacesItsGate(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            String gate = "{\"scope\":{\"application\":\"shop\"},\"thresholds\":[{\"metric\":\"changeSuccessRate\","
                    + "\"operator\":\">=\",\"value\":0.9}]}";
            assertThat(ingestor.ingest(List.of(new GatePolicy("release-shop", gate))))
                    .isEqualTo(new IngestResult(1, 0, 0));
            assertThat(ingestor.ingest(List.of(new GatePolicy("release-shop", gate))))
                    .isEqualTo(new IngestResult(0, 1, 0));
            GatePolicy stricter = new GatePolicy("release-shop", gate.replace("0.9", "0.95"));
            assertThat(ingestor.ingest(List.of(stricter))).isEqualTo(new IngestResult(0, 0, 1));
            assertThat(new EventReader(store).policies()).containsExactly(stricter);
        }
    }
}
