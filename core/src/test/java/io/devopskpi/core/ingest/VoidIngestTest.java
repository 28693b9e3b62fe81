package io.devopskpi.core.ingest;

import static io.devopskpi.core.testing.Scenario.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.kpi.Bucket;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.model.Voiding;
import io.devopskpi.core.query.DeploymentList;
import io.devopskpi.core.query.IncidentList;
import io.devopskpi.core.query.Page;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConnections;
import io.devopskpi.core.testing.TestStores;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Voiding (api.md, "Void"), on H2 and PostgreSQL: every KPI after voiding an event equals every KPI of the same
 * history without that event, and unvoiding restores the KPIs of the whole history exactly. The history is
 * CrossStoreTest's (hand-computed there); the voided events are each kind of KPI input: a failed change that an
 * incident names as cause (s3), a FAILURE deployment (f2), an incident linked to a deployment (i1) and one that
 * is a failure of its own (i2).
 */
class VoidIngestTest {
    private static final Clock CLOCK = Clock.fixed(t("2026-02-10T00:00"), ZoneOffset.UTC);
    private static final List<Scope> SCOPES = List.of(Scope.application("shop"), Scope.supplier("acme"),
            Scope.team("web"), Scope.all());

    static Stream<Arguments> targets() {
        List<Arguments> all = new ArrayList<>();
        for (TestStores.Kind kind : TestStores.Kind.values()) {
            all.add(Arguments.of(kind, Voiding.TargetType.DEPLOYMENT, "s3"));
            all.add(Arguments.of(kind, Voiding.TargetType.DEPLOYMENT, "f2"));
            all.add(Arguments.of(kind, Voiding.TargetType.INCIDENT, "i1"));
            all.add(Arguments.of(kind, Voiding.TargetType.INCIDENT, "i2"));
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void kpisAfterAVoidEqualThoseWithoutTheEventAndUnvoidRestoresThem(TestStores.Kind kind,
            Voiding.TargetType type, String id) {
        try (Store voided = kind.open(); Store without = kind.open(); Store whole = kind.open()) {
            new Ingestor(voided, CLOCK).ingest(history(null));
            new Ingestor(without, CLOCK).ingest(history(id));
            new Ingestor(whole, CLOCK).ingest(history(null));
            List<Object> before = everything(voided);
            assertThat(before).isEqualTo(everything(whole));
            assertThat(before).isNotEqualTo(everything(without)); // the event matters to some KPI

            IngestResult result = new Ingestor(voided, CLOCK).ingest(List.of(new Voiding(Voiding.Action.VOID, type,
                    id, "recorded by a test job", "ops-lead")));

            assertThat(result).isEqualTo(new IngestResult(1, 0, 0));
            assertThat(everything(voided)).isEqualTo(everything(without));

            // a second void is a duplicate; unvoid restores every KPI of the whole history
            assertThat(new Ingestor(voided, CLOCK).ingest(List.of(new Voiding(Voiding.Action.VOID, type, id,
                    "again", null)))).isEqualTo(new IngestResult(0, 1, 0));
            assertThat(new Ingestor(voided, CLOCK).ingest(List.of(new Voiding(Voiding.Action.UNVOID, type, id,
                    "it was real after all", null)))).isEqualTo(new IngestResult(1, 0, 0));
            assertThat(everything(voided)).isEqualTo(before);
            assertThat(auditTrail(voided)).containsExactly(
                    type.name() + " " + id + " VOID recorded by a test job ops-lead",
                    type.name() + " " + id + " UNVOID it was real after all null");
        }
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void listsShowAVoidedEventWithItsMarkAndAReSendKeepsItVoided(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            ingestor.ingest(history(null));
            ingestor.ingest(List.of(new Voiding(Voiding.Action.VOID, Voiding.TargetType.DEPLOYMENT, "s3",
                    "test job", "ops-lead"), new Voiding(Voiding.Action.VOID, Voiding.TargetType.INCIDENT, "i2",
                    "duplicate ticket", null)));
            // a re-send of the voided deployment is a duplicate and does not restore it
            assertThat(ingestor.ingest(history(null)).duplicates()).isEqualTo(history(null).size());

            KpiService kpis = new KpiService(store, KpiSettings.defaults(), CLOCK);
            KpiQuery query = query(Scope.application("shop"));
            var deployments = new DeploymentList(store, kpis).list(query, new Page(0, 100));
            assertThat(deployments.total()).isEqualTo(8);
            var s3 = deployments.items().stream().filter(d -> d.id().equals("s3")).findFirst().orElseThrow();
            assertThat(s3.voided().reason()).isEqualTo("test job");
            assertThat(s3.voided().by()).isEqualTo("ops-lead");
            assertThat(s3.voided().at()).isEqualTo(CLOCK.instant());
            assertThat(s3.isFailedChange()).isFalse();
            assertThat(deployments.items().stream().filter(d -> d.voided() != null).count()).isEqualTo(1);
            var incidents = new IncidentList(store).list(query, new Page(0, 100));
            assertThat(incidents.items()).extracting(i -> i.id() + ":" + (i.voided() == null ? "-"
                    : i.voided().reason())).containsExactly("i2:duplicate ticket", "i1:-");
        }
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void refusesAVoidOfAnUnknownTargetNamingTheIdAndStoresNothingOfTheBatch(TestStores.Kind kind) {
        try (Store store = kind.open()) {
            Ingestor ingestor = new Ingestor(store, CLOCK);
            ingestor.ingest(history(null));
            List<Event> batch = List.of(new Voiding(Voiding.Action.VOID, Voiding.TargetType.DEPLOYMENT, "s1",
                    "typo", null), new Voiding(Voiding.Action.VOID, Voiding.TargetType.INCIDENT, "s1", "typo", null));

            assertThatThrownBy(() -> ingestor.ingest(batch))
                    .isInstanceOfSatisfying(InvalidEventsException.class, e -> assertThat(e.errors()).containsExactly(
                            new EventError(1, "target.id", "target.id names no stored incident (void of incident "
                                    + "'s1'): 's1'")));
            assertThat(auditTrail(store)).isEmpty();
            assertThat(new DeploymentList(store, new KpiService(store, KpiSettings.defaults(), CLOCK))
                    .list(query(Scope.application("shop")), new Page(0, 100)).items())
                    .allMatch(d -> d.voided() == null);
        }
    }

    /** Reports of every scope, monthly and weekly trends and failed changes: everything the KPI engine answers. */
    private static List<Object> everything(Store store) {
        KpiService kpis = new KpiService(store, KpiSettings.defaults(), CLOCK);
        List<Object> all = new ArrayList<>();
        for (Scope scope : SCOPES) {
            KpiQuery query = query(scope);
            all.add(kpis.report(query));
            all.add(kpis.trend(query, Bucket.WEEK));
            all.add(kpis.failedChanges(query));
            all.add(kpis.components(query));
        }
        return all;
    }

    private static KpiQuery query(Scope scope) {
        return new KpiQuery(scope, "production", t("2026-01-01T00:00"), t("2026-02-01T00:00"), ZoneOffset.UTC);
    }

    /** CrossStoreTest's history, without the event of id {@code left} (null: all of it). */
    private static List<Event> history(String left) {
        List<Event> events = new ArrayList<>();
        events.add(new Assignment("shop", "acme", "web", Responsibility.BOTH, t("2025-01-01T00:00"), null));
        events.add(deployment("s1", "2026-01-05T10:00", DeploymentResult.SUCCESS, DeploymentKind.NORMAL,
                change("c1", "2026-01-05T08:00"), change("c2", "2026-01-04T10:00")));
        events.add(deployment("f2", "2026-01-06T10:00", DeploymentResult.FAILURE, DeploymentKind.NORMAL,
                change("c3", "2026-01-06T09:00")));
        events.add(deployment("s3", "2026-01-06T11:00", DeploymentResult.SUCCESS, DeploymentKind.NORMAL,
                change("c3", "2026-01-06T09:00"), change("c4", "2026-01-06T10:30")));
        events.add(incident("i1", "2026-01-07T10:00", "2026-01-07T10:20", "2026-01-07T12:00", "s3"));
        events.add(deployment("r4", "2026-01-07T11:00", DeploymentResult.SUCCESS, DeploymentKind.ROLLBACK));
        events.add(deployment("s5", "2026-01-12T10:00", DeploymentResult.SUCCESS, DeploymentKind.NORMAL,
                change("c5", "2026-01-11T10:00")));
        events.add(incident("i2", "2026-01-12T20:00", "2026-01-12T20:30", "2026-01-12T22:00", null));
        events.add(deployment("s6", "2026-01-13T10:00", DeploymentResult.SUCCESS, DeploymentKind.NORMAL));
        events.add(deployment("a7", "2026-01-14T10:00", DeploymentResult.ABORTED, DeploymentKind.NORMAL));
        events.add(deployment("f8", "2026-01-30T10:00", DeploymentResult.FAILURE, DeploymentKind.NORMAL));
        events.removeIf(e -> e instanceof Deployment d && d.id().equals(left)
                || e instanceof Incident i && i.id().equals(left));
        return events;
    }

    private static Deployment deployment(String id, String finished, DeploymentResult result, DeploymentKind kind,
            Change... changes) {
        return Deployment.builder(id).application("shop").environment("production")
                .started(t(finished).minusSeconds(600)).finished(t(finished)).result(result).kind(kind)
                .changes(List.of(changes)).build();
    }

    private static Change change(String id, String committed) {
        return new Change(id, t(committed), null);
    }

    private static Incident incident(String id, String started, String detected, String resolved, String cause) {
        return new Incident(id, "shop", "production", t(started), t(detected), t(resolved), "major", cause, null,
                null);
    }

    private static List<String> auditTrail(Store store) {
        List<String> rows = new ArrayList<>();
        try (Connection c = StoreConnections.of(store); PreparedStatement s = c.prepareStatement("SELECT target_type, "
                + "target_id, action, reason, voided_by FROM void_log ORDER BY seq");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                        + " " + rs.getString(5));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
