package io.devopskpi.core.ingest;

import static io.devopskpi.core.testing.SampleEvents.CLOCK;
import static io.devopskpi.core.testing.SampleEvents.deployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Component;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.testing.TestStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeploymentIngestTest {
    private static final String KINDS = "io.devopskpi.core.testing.TestStores#kinds";

    @ParameterizedTest
    @MethodSource(KINDS)
    void storesANewDeploymentAndCountsAReSendWithTheSameContentAsDuplicate(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            Deployment sent = deployment("shop#42").build();

            assertThat(ingestor.ingest(List.of(sent))).isEqualTo(new IngestResult(1, 0, 0));
            assertThat(ingestor.ingest(List.of(sent))).isEqualTo(new IngestResult(0, 1, 0));

            assertThat(new EventReader(store).findDeployment("shop#42")).contains(sent);
            assertThat(new EventReader(store).countEvents()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void comparesChangesAndComponentsAsSets(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            Deployment sent = deployment("shop#42").build();
            List<Change> changes = new ArrayList<>(sent.changes());
            Collections.reverse(changes);
            List<Component> components = new ArrayList<>(sent.components());
            Collections.reverse(components);
            Deployment reordered = deployment("shop#42").changes(changes).components(components).build();
            ingestor.ingest(List.of(sent));

            assertThat(ingestor.ingest(List.of(reordered))).isEqualTo(new IngestResult(0, 1, 0));
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void refusesAReSendWithOtherContentNamingTheFirstDifferingFieldAndKeepsTheStoredOne(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            Deployment failed = deployment("shop#42").result(DeploymentResult.FAILURE).build();
            ingestor.ingest(List.of(failed));

            assertThatThrownBy(() -> ingestor.ingest(List.of(deployment("shop#42").revision("other").build())))
                    .isInstanceOfSatisfying(EventConflictException.class, e -> {
                        assertThat(e.index()).isZero();
                        assertThat(e).hasMessage("deployment 'shop#42' was already stored with a different result:"
                                + " stored FAILURE, sent SUCCESS");
                    });
            assertThat(new EventReader(store).findDeployment("shop#42")).contains(failed);
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void namesTextValuesQuotedAndAbsentOnesAsNone(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            ingestor.ingest(List.of(deployment("shop#42").build()));

            assertThatThrownBy(() -> ingestor.ingest(List.of(deployment("shop#42").revision(null).build())))
                    .hasMessage("deployment 'shop#42' was already stored with a different revision:"
                            + " stored '9f2c1e0', sent none");
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void refusesOtherChangesNamingOnlyTheChangesThatDiffer(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            Deployment sent = deployment("shop#42").build();
            ingestor.ingest(List.of(sent));
            Deployment otherAuthor = deployment("shop#42").changes(List.of(sent.changes().get(0),
                    new Change("c41", Instant.parse("2026-01-04T09:00:00Z"), "bob"))).build();
            Deployment otherComponent = deployment("shop#42").components(List.of(sent.components().get(0))).build();

            assertThatThrownBy(() -> ingestor.ingest(List.of(otherAuthor)))
                    .isInstanceOf(EventConflictException.class)
                    .hasMessage("deployment 'shop#42' was already stored with different changes:"
                            + " stored only [c41 (2026-01-04T09:00:00Z, ann)], sent only [c41 (2026-01-04T09:00:00Z, bob)]");
            assertThatThrownBy(() -> ingestor.ingest(List.of(otherComponent)))
                    .isInstanceOf(EventConflictException.class)
                    .hasMessage("deployment 'shop#42' was already stored with different components:"
                            + " stored only [pipeline-lib 3.2.0], sent only []");
        }
    }

    @ParameterizedTest
    @MethodSource(KINDS)
    void seesEarlierEventsOfTheSameBatch(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            Deployment sent = deployment("shop#42").build();

            assertThat(ingestor.ingest(List.of(sent, sent))).isEqualTo(new IngestResult(1, 1, 0));
            assertThatThrownBy(() -> ingestor.ingest(List.of(deployment("shop#43").build(),
                    deployment("shop#43").imported(false).build())))
                    .isInstanceOfSatisfying(EventConflictException.class, e -> assertThat(e.index()).isEqualTo(1));
            assertThat(new EventReader(store).findDeployment("shop#43")).isEmpty();
        }
    }
}
