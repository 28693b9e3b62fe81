package io.devopskpi.core.ingest;

import static io.devopskpi.core.model.Responsibility.BOTH;
import static io.devopskpi.core.model.Responsibility.DELIVERY;
import static io.devopskpi.core.model.Responsibility.OPERATIONS;
import static io.devopskpi.core.testing.SampleEvents.CLOCK;
import static io.devopskpi.core.testing.SampleEvents.assignment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.testing.TestStores;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AssignmentIngestTest {
    private static final String KINDS = "io.devopskpi.core.testing.TestStores#kinds";

    @ParameterizedTest
    @MethodSource(KINDS)
    void replacesSupplierTeamAndToOfTheAssignmentWithTheSameKey(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            Instant from = Instant.parse("2026-01-01T00:00:00Z");
            Assignment first = new Assignment("shop", "acme", "payments", DELIVERY, from,
                    Instant.parse("2026-07-01T00:00:00Z"));
            Assignment replacement = new Assignment("shop", "globex", null, DELIVERY, from, null);

            assertThat(ingestor.ingest(List.of(first))).isEqualTo(new IngestResult(1, 0, 0));
            assertThat(ingestor.ingest(List.of(first))).isEqualTo(new IngestResult(0, 1, 0));
            assertThat(ingestor.ingest(List.of(replacement))).isEqualTo(new IngestResult(0, 0, 1));

            assertThat(new EventReader(store).assignments("shop")).containsExactly(replacement);
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void refusesAnOverlapNamingTheOtherAssignment(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            Assignment both = assignment("shop", "acme", BOTH, "2025-06-01T00:00:00Z", null);
            ingestor.ingest(List.of(both));

            assertThatThrownBy(() -> ingestor.ingest(List.of(
                    assignment("shop", "globex", DELIVERY, "2026-01-01T00:00:00Z", null))))
                    .isInstanceOfSatisfying(EventConflictException.class, e -> {
                        assertThat(e.index()).isZero();
                        assertThat(e).hasMessage("assignment 'shop/DELIVERY/2026-01-01T00:00:00Z' overlaps"
                                + " assignment 'shop/BOTH/2025-06-01T00:00:00Z' (acme, 2025-06-01T00:00:00Z..open)");
                    });
            assertThat(new EventReader(store).assignments("shop")).containsExactly(both);
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void allowsDeliveryAndOperationsOfOnePeriodAndOtherApplications(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            Assignment delivery = assignment("shop", "acme", DELIVERY, "2026-01-01T00:00:00Z", null);
            Assignment operations = assignment("shop", "globex", OPERATIONS, "2026-01-01T00:00:00Z", null);
            Assignment otherApplication = assignment("cart", "initech", BOTH, "2026-01-01T00:00:00Z", null);

            assertThat(ingestor.ingest(List.of(delivery, operations, otherApplication)))
                    .isEqualTo(new IngestResult(3, 0, 0));
            assertThat(new EventReader(store).assignments("shop")).containsExactly(delivery, operations);
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void allowsAdjacentPeriodsButNotOneThatStartsBeforeTheOtherEnds(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            Assignment first = assignment("shop", "acme", DELIVERY, "2025-01-01T00:00:00Z", "2025-07-01T00:00:00Z");
            Assignment adjacent = assignment("shop", "globex", BOTH, "2025-07-01T00:00:00Z", "2026-01-01T00:00:00Z");

            assertThat(ingestor.ingest(List.of(first, adjacent))).isEqualTo(new IngestResult(2, 0, 0));
            assertThatThrownBy(() -> ingestor.ingest(List.of(
                    assignment("shop", "initech", OPERATIONS, "2025-12-31T23:59:59Z", null))))
                    .isInstanceOf(EventConflictException.class)
                    .hasMessageContaining("overlaps assignment 'shop/BOTH/2025-07-01T00:00:00Z' (globex,"
                            + " 2025-07-01T00:00:00Z..2026-01-01T00:00:00Z)");
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void refusesAReplacementThatWouldOverlapAnotherAndKeepsTheStoredOne(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            Assignment first = assignment("shop", "acme", DELIVERY, "2025-01-01T00:00:00Z", "2025-07-01T00:00:00Z");
            Assignment second = assignment("shop", "globex", DELIVERY, "2025-07-01T00:00:00Z", null);
            ingestor.ingest(List.of(first, second));

            assertThatThrownBy(() -> ingestor.ingest(List.of(
                    assignment("shop", "acme", DELIVERY, "2025-01-01T00:00:00Z", "2025-08-01T00:00:00Z"))))
                    .hasMessage("assignment 'shop/DELIVERY/2025-01-01T00:00:00Z' overlaps assignment"
                            + " 'shop/DELIVERY/2025-07-01T00:00:00Z' (globex, 2025-07-01T00:00:00Z..open)");
            assertThat(new EventReader(store).assignments("shop")).containsExactly(first, second);
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void checksOverlapsAgainstEarlierAssignmentsOfTheSameBatch(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);

            assertThatThrownBy(() -> ingestor.ingest(List.of(
                    assignment("shop", "acme", DELIVERY, "2025-01-01T00:00:00Z", null),
                    assignment("shop", "globex", DELIVERY, "2026-01-01T00:00:00Z", null))))
                    .isInstanceOfSatisfying(EventConflictException.class, e -> assertThat(e.index()).isEqualTo(1));
            assertThat(new EventReader(store).countEvents()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void acceptsContractDatesFarInTheFuture(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Assignment future = assignment("shop", "acme", BOTH, "2099-01-01T00:00:00Z", "2100-01-01T00:00:00Z");

            assertThat(new Ingestor(store, CLOCK).ingest(List.of(future))).isEqualTo(new IngestResult(1, 0, 0));
            assertThat(new EventReader(store).assignments("shop")).containsExactly(future);
        }
    }
}
