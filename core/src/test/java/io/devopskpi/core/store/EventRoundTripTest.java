package io.devopskpi.core.store;

import static io.devopskpi.core.testing.SampleEvents.CLOCK;
import static io.devopskpi.core.testing.SampleEvents.NOW;
import static io.devopskpi.core.testing.SampleEvents.deployment;
import static io.devopskpi.core.testing.SampleEvents.minimalDeployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.testing.TestStores;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field of api.md's events is written and read back equal, present or absent. */
class EventRoundTripTest {
    private static final String KINDS = "io.devopskpi.core.testing.TestStores#kinds";

    @ParameterizedTest
    @MethodSource(KINDS)
    void readsBackEveryFieldOfADeployment(TestStores.Kind kind) throws Exception {
        try (Store store = kind.open()) {
            Deployment full = deployment("ci-1/shop/42").build();
            Deployment minimal = minimalDeployment("ci-1/shop/43").build();
            new Ingestor(store, CLOCK).ingest(List.of(full, minimal));

            EventReader reader = new EventReader(store);
            assertThat(reader.findDeployment("ci-1/shop/42")).contains(full);
            Deployment readMinimal = reader.findDeployment("ci-1/shop/43").orElseThrow();
            assertThat(readMinimal).isEqualTo(minimal);
            assertThat(readMinimal.kind()).isEqualTo(DeploymentKind.NORMAL);
            assertThat(readMinimal.imported()).isFalse();
            assertThat(readMinimal.changes()).isEmpty();
            assertThat(readMinimal.components()).isEmpty();
            assertThat(readMinimal.url()).isNull();
            assertThat(recordedAt(store)).containsOnly(NOW);
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void readsBackEveryFieldOfAnIncident(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Incident full = new Incident("INC-7", "shop", "production", Instant.parse("2026-01-05T11:00:00Z"),
                    Instant.parse("2026-01-05T11:20:00.000001Z"), Instant.parse("2026-01-05T13:00:00Z"), "major",
                    "ci-1/shop/42", "ops", "acme");
            Incident minimal = new Incident("INC-8", "shop", "staging", Instant.parse("2026-01-06T11:00:00Z"),
                    null, null, null, null, null, null);
            new Ingestor(store, CLOCK).ingest(List.of(full, minimal));

            EventReader reader = new EventReader(store);
            assertThat(reader.findIncident("INC-7")).contains(full);
            assertThat(reader.findIncident("INC-8")).contains(minimal);
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void readsBackEveryFieldOfAnAssignmentOrderedByFrom(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Assignment later = new Assignment("shop", "globex", null, Responsibility.BOTH,
                    Instant.parse("2026-01-01T00:00:00Z"), null);
            Assignment earlier = new Assignment("shop", "acme", "payments", Responsibility.OPERATIONS,
                    Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
            new Ingestor(store, CLOCK).ingest(List.of(later, earlier));

            assertThat(new EventReader(store).assignments("shop")).containsExactly(earlier, later);
            assertThat(new EventReader(store).assignments("cart")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void findsNothingInAnEmptyStore(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            EventReader reader = new EventReader(store);
            assertThat(reader.findDeployment("ci-1/shop/42")).isEmpty();
            assertThat(reader.findIncident("INC-7")).isEmpty();
            assertThat(reader.countEvents()).isZero();
        }
    }

    private static List<Instant> recordedAt(Store store) throws Exception {
        try (Connection c = store.connection();
                PreparedStatement s = c.prepareStatement("SELECT recorded_at FROM deployment");
                ResultSet rs = s.executeQuery()) {
            List<Instant> times = new ArrayList<>();
            while (rs.next()) {
                times.add(Sql.getInstant(rs, "recorded_at"));
            }
            return times;
        }
    }
}
