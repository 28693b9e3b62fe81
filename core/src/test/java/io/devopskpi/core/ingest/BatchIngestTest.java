package io.devopskpi.core.ingest;

import static io.devopskpi.core.model.Responsibility.DELIVERY;
import static io.devopskpi.core.testing.SampleEvents.CLOCK;
import static io.devopskpi.core.testing.SampleEvents.NOW;
import static io.devopskpi.core.testing.SampleEvents.assignment;
import static io.devopskpi.core.testing.SampleEvents.deployment;
import static io.devopskpi.core.testing.SampleEvents.incident;
import static io.devopskpi.core.testing.SampleEvents.minimalDeployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.Voiding;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConnections;
import io.devopskpi.core.store.StoreException;
import io.devopskpi.core.testing.TestStores;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A batch is all or nothing, whatever stops it: a conflict, an invalid event, a failing store. */
class BatchIngestTest {
    private static final String KINDS = "io.devopskpi.core.testing.TestStores#kinds";

    @ParameterizedTest
    @MethodSource(KINDS)
    void storesNothingOfABatchWhoseLastEventConflicts(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            ingestor.ingest(List.of(minimalDeployment("shop#1").build()));
            List<Event> batch = List.of(
                    deployment("shop#2").build(),
                    incident("INC-1"),
                    assignment("shop", "acme", DELIVERY, "2026-01-01T00:00:00Z", null),
                    minimalDeployment("shop#1").result(DeploymentResult.FAILURE).build());

            assertThatThrownBy(() -> ingestor.ingest(batch))
                    .isInstanceOfSatisfying(EventConflictException.class, e -> assertThat(e.index()).isEqualTo(3));

            EventReader reader = new EventReader(store);
            assertThat(reader.countEvents()).isEqualTo(1);
            assertThat(reader.findDeployment("shop#2")).isEmpty();
            assertThat(reader.findIncident("INC-1")).isEmpty();
            assertThat(reader.assignments("shop")).isEmpty();
            assertThat(reader.findDeployment("shop#1")).contains(minimalDeployment("shop#1").build());
        }
    }

    /**
     * A batch's new deployments are stored together, in statement batches, yet every later event of the batch sees
     * them: a re-send is a duplicate, a void finds its target, a changed re-send is a conflict. The outcome and what
     * is stored are those of the same events sent one at a time.
     */
    @ParameterizedTest
    @MethodSource(KINDS)
    void laterEventsOfABatchSeeItsNewDeployments(TestStores.Kind kind) throws Exception {
        List<Event> events = List.of(deployment("shop#1").build(), minimalDeployment("shop#2").build(),
                deployment("shop#1").build(),
                new Voiding(Voiding.Action.VOID, Voiding.TargetType.DEPLOYMENT, "shop#2", "mistake", "ann"),
                incident("INC-1"), minimalDeployment("shop#3").build(), minimalDeployment("shop#2").build());
        try (Store batched = kind.open(); Store oneByOne = kind.open()) {
            IngestResult together = new Ingestor(batched, CLOCK).ingest(events);
            int accepted = 0;
            int duplicates = 0;
            int updated = 0;
            for (Event event : events) {
                IngestResult alone = new Ingestor(oneByOne, CLOCK).ingest(List.of(event));
                accepted += alone.accepted();
                duplicates += alone.duplicates();
                updated += alone.updated();
            }
            assertThat(together).isEqualTo(new IngestResult(accepted, duplicates, updated));
            // shop#1 re-sent, and shop#2 re-sent after its void
            assertThat(together.duplicates()).isEqualTo(2);
            for (String id : List.of("shop#1", "shop#2", "shop#3")) {
                assertThat(new EventReader(batched).findDeployment(id)).as(id)
                        .isEqualTo(new EventReader(oneByOne).findDeployment(id)).isPresent();
            }
            assertThat(voided(batched)).containsExactly("shop#2").isEqualTo(voided(oneByOne));
            assertThat(new EventReader(batched).findIncident("INC-1")).isPresent();

            assertThatThrownBy(() -> new Ingestor(batched, CLOCK).ingest(List.of(minimalDeployment("shop#4").build(),
                    minimalDeployment("shop#4").result(DeploymentResult.FAILURE).build())))
                    .isInstanceOfSatisfying(EventConflictException.class, e -> assertThat(e.index()).isEqualTo(1));
            assertThat(new EventReader(batched).findDeployment("shop#4")).isEmpty();
        }
    }

    private static List<String> voided(Store store) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        try (Connection c = StoreConnections.of(store); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT id FROM deployment WHERE voided_at IS NOT NULL")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void storesNothingOfABatchWhoseLastEventIsTooFarAhead(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Instant tooLate = NOW.plus(Ingestor.MAX_AHEAD_OF_CLOCK).plusSeconds(1);
            List<Event> batch = List.of(
                    deployment("shop#2").build(),
                    assignment("shop", "acme", DELIVERY, "2026-01-01T00:00:00Z", null),
                    minimalDeployment("shop#3").finished(tooLate).build());

            assertThatThrownBy(() -> new Ingestor(store, CLOCK).ingest(batch))
                    .isInstanceOfSatisfying(InvalidEventsException.class, e -> assertThat(e.errors())
                            .containsExactly(new EventError(2, "finished", "finished must not be more than 24h after"
                                    + " the server's clock (deployment 'shop#3'): 2026-01-11T12:00:01Z")));
            assertThat(new EventReader(store).countEvents()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void reportsEveryTimeTooFarAheadWithItsIndexAndFieldAndNothingElse(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Instant limit = NOW.plus(Ingestor.MAX_AHEAD_OF_CLOCK);
            Instant tooLate = limit.plusNanos(1000);
            List<Event> batch = List.of(
                    minimalDeployment("at-the-limit").started(limit).finished(limit)
                            .changes(List.of(new Change("c1", limit, null))).build(),
                    minimalDeployment("shop#4").started(tooLate).finished(tooLate).changes(List.of(
                            new Change("c1", NOW, null), new Change("c2", tooLate, null))).build(),
                    new Incident("INC-1", "shop", "production", tooLate, tooLate, tooLate, null, null, null, null),
                    assignment("shop", "acme", DELIVERY, "2099-01-01T00:00:00Z", "2100-01-01T00:00:00Z"));

            List<EventError> errors = new Ingestor(store, CLOCK).validate(batch);

            assertThat(errors).extracting(EventError::index, EventError::field).containsExactly(
                    tuple(1, "started"),
                    tuple(1, "finished"),
                    tuple(1, "changes[1].committed"),
                    tuple(2, "started"),
                    tuple(2, "detected"),
                    tuple(2, "resolved"));
            assertThat(errors.get(2).message()).isEqualTo("changes[1].committed must not be more than 24h after the"
                    + " server's clock (deployment 'shop#4'): 2026-01-11T12:00:00.000001Z");
            assertThat(errors.get(5).message()).isEqualTo("resolved must not be more than 24h after the"
                    + " server's clock (incident 'INC-1'): 2026-01-11T12:00:00.000001Z");
            assertThat(new EventReader(store).countEvents()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void rollsBackAndReportsAStoreFailure(TestStores.Kind kind) throws Exception {
        try (Store store = kind.open()) {
            try (Connection c = StoreConnections.of(store); Statement s = c.createStatement()) {
                s.execute("DROP TABLE deployment_component");
            }
            List<Event> batch = List.of(incident("INC-1"), deployment("shop#2").build());

            assertThatThrownBy(() -> new Ingestor(store, CLOCK).ingest(batch))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("cannot store 2 events: ");
            assertThat(new EventReader(store).findIncident("INC-1")).isEmpty();
            assertThat(new Ingestor(store, CLOCK).ingest(List.of(incident("INC-1"))))
                    .isEqualTo(new IngestResult(1, 0, 0));
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void storesMarkupAndSqlInNamesVerbatim(TestStores.Kind kind) throws Exception {
        String html = "<img src=x onerror=alert(1)>";
        String sql = "x'); DROP TABLE deployment; --";
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            List<Event> batch = List.of(
                    minimalDeployment(sql).application(html).environment(sql).revision(html).pipeline(sql)
                            .team(html).supplier(sql).changes(List.of(new Change(html, NOW, sql))).build(),
                    new Incident(html, sql, html, NOW, null, null, sql, html, sql, html),
                    new Assignment(sql, html, sql, DELIVERY, NOW, null));

            assertThat(ingestor.ingest(batch)).isEqualTo(new IngestResult(3, 0, 0));
            assertThat(ingestor.ingest(batch)).isEqualTo(new IngestResult(0, 3, 0));

            EventReader reader = new EventReader(store);
            assertThat(reader.findDeployment(sql)).contains((Deployment) batch.get(0));
            assertThat(reader.findIncident(html)).contains((Incident) batch.get(1));
            assertThat(reader.assignments(sql)).containsExactly((Assignment) batch.get(2));
            try (Connection c = StoreConnections.of(store); Statement s = c.createStatement()) {
                s.executeQuery("SELECT COUNT(*) FROM deployment").close();
            }
            assertThat(reader.countEvents()).isEqualTo(3);
        }
    }
}
