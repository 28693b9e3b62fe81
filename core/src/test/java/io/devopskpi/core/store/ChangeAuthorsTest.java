package io.devopskpi.core.store;

import static io.devopskpi.core.testing.Scenario.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.ingest.EventConflictException;
import io.devopskpi.core.ingest.IngestResult;
import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiReport;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.store.ChangeAuthors.Erasure;
import io.devopskpi.core.testing.TestStores;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Pseudonymising and dropping change authors (api.md, "Change authors"), on H2 and PostgreSQL. */
class ChangeAuthorsTest {
    private static final Clock CLOCK = Clock.fixed(t("2026-02-01T00:00"), ZoneOffset.UTC);

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void pseudonymisesOneAuthorStablyThenAllOthersAndLeavesKpisAsTheyWere(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            Deployment first = deployment("d1", "2026-01-05T10:00", new Change("c1", t("2026-01-05T08:00"), "ann"),
                    new Change("c2", t("2026-01-05T09:00"), "bob"));
            ingestor.ingest(List.of(first));
            KpiReport before = report(store);

            assertThat(ChangeAuthors.erase(store, CLOCK.instant(), "ann", Erasure.PSEUDONYMISE)).isEqualTo(1);
            String annPseudonym = author(store, "d1", "c1");
            assertThat(annPseudonym).matches("pseudonym-[0-9a-f]{16}");
            assertThat(author(store, "d1", "c2")).isEqualTo("bob");
            // already erased: a second request changes nothing (the pseudonym is not hashed again)
            assertThat(ChangeAuthors.erase(store, CLOCK.instant(), "ann", Erasure.PSEUDONYMISE)).isZero();

            // stable: ann's change of a later deployment gets the same pseudonym
            ingestor.ingest(List.of(deployment("d2", "2026-01-06T10:00",
                    new Change("c3", t("2026-01-06T08:00"), "ann"))));
            assertThat(ChangeAuthors.erase(store, CLOCK.instant(), null, Erasure.PSEUDONYMISE)).isEqualTo(2);
            assertThat(author(store, "d2", "c3")).isEqualTo(annPseudonym);
            assertThat(author(store, "d1", "c1")).isEqualTo(annPseudonym);
            assertThat(author(store, "d1", "c2")).matches("pseudonym-[0-9a-f]{16}").isNotEqualTo(annPseudonym);
            assertThat(authors(store)).doesNotContain("ann", "bob");

            // the same history's KPIs (d2 added, so compare a report of d1's day only)
            assertThat(report(store)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void aReSendWithTheOriginalAuthorIsADuplicateAndAConflictNamesOnlyThePseudonym(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            Deployment sent = deployment("d1", "2026-01-05T10:00", new Change("c1", t("2026-01-05T08:00"), "ann"));
            ingestor.ingest(List.of(sent));
            ChangeAuthors.erase(store, CLOCK.instant(), "ann", Erasure.PSEUDONYMISE);
            String pseudonym = author(store, "d1", "c1");

            assertThat(ingestor.ingest(List.of(sent))).isEqualTo(new IngestResult(0, 1, 0));
            assertThat(author(store, "d1", "c1")).isEqualTo(pseudonym);
            Deployment otherCommit = deployment("d1", "2026-01-05T10:00",
                    new Change("c1", t("2026-01-05T07:00"), "ann"));
            assertThatThrownBy(() -> ingestor.ingest(List.of(otherCommit)))
                    .isInstanceOf(EventConflictException.class)
                    .hasMessageContaining("stored only [c1 (2026-01-05T08:00:00Z, " + pseudonym + ")]");
        }
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void dropsAuthorsAndAServerThatNeverStoresThemAcceptsReSendsWithAuthors(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            Deployment sent = deployment("d1", "2026-01-05T10:00", new Change("c1", t("2026-01-05T08:00"), "ann"),
                    new Change("c2", t("2026-01-05T09:00"), "bob"));
            ingestor.ingest(List.of(sent));
            KpiReport before = report(store);

            assertThat(ChangeAuthors.erase(store, CLOCK.instant(), "bob", Erasure.DROP)).isEqualTo(1);
            assertThat(author(store, "d1", "c2")).isNull();
            assertThat(author(store, "d1", "c1")).isEqualTo("ann");
            assertThat(ingestor.ingest(List.of(sent))).isEqualTo(new IngestResult(0, 1, 0));
            assertThat(report(store)).isEqualTo(before);

            Ingestor withoutAuthors = new Ingestor(store, CLOCK, false);
            Deployment other = deployment("d2", "2026-01-06T10:00", new Change("c3", t("2026-01-06T08:00"), "cid"));
            assertThat(withoutAuthors.ingest(List.of(other))).isEqualTo(new IngestResult(1, 0, 0));
            assertThat(author(store, "d2", "c3")).isNull();
            assertThat(withoutAuthors.ingest(List.of(other))).isEqualTo(new IngestResult(0, 1, 0));
            assertThat(authors(store)).containsExactly("ann");
        }
    }

    private static Deployment deployment(String id, String finished, Change... changes) {
        return Deployment.builder(id).application("shop").environment("production")
                .started(t(finished).minusSeconds(600)).finished(t(finished)).result(DeploymentResult.SUCCESS)
                .changes(List.of(changes)).build();
    }

    private static KpiReport report(Store store) {
        return new KpiService(store, KpiSettings.defaults(), CLOCK).report(new KpiQuery(Scope.application("shop"),
                "production", t("2026-01-05T00:00"), t("2026-01-06T00:00"), ZoneOffset.UTC));
    }

    private static String author(Store store, String deployment, String change) {
        return query(store, "SELECT author FROM deployment_change WHERE deployment_id = '" + deployment
                + "' AND change_id = '" + change + "'").get(0);
    }

    private static List<String> authors(Store store) {
        List<String> all = query(store, "SELECT author FROM deployment_change WHERE author IS NOT NULL");
        all.removeIf(a -> a.startsWith("pseudonym-"));
        return all;
    }

    private static List<String> query(Store store, String sql) {
        List<String> values = new ArrayList<>();
        try (Connection c = store.connection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }
}
