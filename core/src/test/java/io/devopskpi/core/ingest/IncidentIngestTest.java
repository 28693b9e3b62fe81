package io.devopskpi.core.ingest;

import static io.devopskpi.core.testing.SampleEvents.CLOCK;
import static io.devopskpi.core.testing.SampleEvents.NOW;
import static io.devopskpi.core.testing.SampleEvents.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.model.Incident;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Sql;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConnections;
import io.devopskpi.core.testing.TestStores;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IncidentIngestTest {
    private static final String KINDS = "io.devopskpi.core.testing.TestStores#kinds";
    private static final Instant STARTED = Instant.parse("2026-01-05T11:00:00Z");
    private static final Instant RESOLVED = Instant.parse("2026-01-05T13:00:00Z");

    @ParameterizedTest
    @MethodSource(KINDS)
    void updatesTheFieldsAReSendCarriesAndKeepsTheAbsentOnes(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            Incident open = incident("INC-7");
            ingestor.ingest(List.of(open));

            Incident resolvedOnly = new Incident("INC-7", "shop", "production", STARTED, null, RESOLVED, "minor",
                    null, null, null);
            assertThat(ingestor.ingest(List.of(resolvedOnly))).isEqualTo(new IngestResult(0, 0, 1));

            assertThat(new EventReader(store).findIncident("INC-7")).contains(new Incident("INC-7", "shop",
                    "production", STARTED, open.detected(), RESOLVED, "minor", "ci-1/shop/42", "ops", "acme"));
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void countsAReSendThatChangesNothingAsDuplicate(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            ingestor.ingest(List.of(incident("INC-7")));
            Incident bare = new Incident("INC-7", "shop", "production", STARTED, null, null, null, null, null, null);

            assertThat(ingestor.ingest(List.of(incident("INC-7"), bare))).isEqualTo(new IngestResult(0, 2, 0));
            assertThat(new EventReader(store).findIncident("INC-7")).contains(incident("INC-7"));
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void refusesAnotherStartApplicationOrEnvironmentNamingTheField(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            ingestor.ingest(List.of(incident("INC-7")));
            Incident otherStart = new Incident("INC-7", "shop", "production", STARTED.minusSeconds(60), null, null,
                    null, null, null, null);
            Incident otherApplication = new Incident("INC-7", "cart", "production", STARTED, null, null, null,
                    null, null, null);
            Incident otherEnvironment = new Incident("INC-7", "shop", "staging", STARTED, null, null, null, null,
                    null, null);

            assertThatThrownBy(() -> ingestor.ingest(List.of(incident("INC-8"), otherStart)))
                    .isInstanceOfSatisfying(EventConflictException.class, e -> {
                        assertThat(e.index()).isEqualTo(1);
                        assertThat(e).hasMessage("incident 'INC-7' was already stored with a different started:"
                                + " stored 2026-01-05T11:00:00Z, sent 2026-01-05T10:59:00Z");
                    });
            assertThatThrownBy(() -> ingestor.ingest(List.of(otherApplication)))
                    .hasMessage("incident 'INC-7' was already stored with a different application:"
                            + " stored 'shop', sent 'cart'");
            assertThatThrownBy(() -> ingestor.ingest(List.of(otherEnvironment)))
                    .hasMessage("incident 'INC-7' was already stored with a different environment:"
                            + " stored 'production', sent 'staging'");
            assertThat(new EventReader(store).findIncident("INC-8")).isEmpty();
            assertThat(new EventReader(store).findIncident("INC-7")).contains(incident("INC-7"));
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void recordsWhenTheIncidentArrivedAndWhenItWasLastUpdated(TestStores.Kind kind) throws Exception {
        try (Store store = kind.open()) {
            Instant later = NOW.plusSeconds(3600);
            new Ingestor(store, CLOCK).ingest(List.of(incident("INC-7")));
            Ingestor laterIngestor = new Ingestor(store, Clock.fixed(later, ZoneOffset.UTC));
            laterIngestor.ingest(List.of(incident("INC-7")));
            assertThat(times(store)).containsExactly(NOW, NOW);

            laterIngestor.ingest(List.of(new Incident("INC-7", "shop", "production", STARTED, null, RESOLVED, null,
                    null, null, null)));
            assertThat(times(store)).containsExactly(NOW, later);
        }
    }

    private static List<Instant> times(Store store) throws Exception {
        try (Connection c = StoreConnections.of(store);
                PreparedStatement s = c.prepareStatement("SELECT recorded_at, updated_at FROM incident");
                ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return List.of(Sql.getInstant(rs, "recorded_at"), Sql.getInstant(rs, "updated_at"));
        }
    }
}
