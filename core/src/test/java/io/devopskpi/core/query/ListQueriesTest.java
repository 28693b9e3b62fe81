package io.devopskpi.core.query;

import static io.devopskpi.core.testing.Scenario.change;
import static io.devopskpi.core.testing.Scenario.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.kpi.FailureReason;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.testing.Scenario;
import io.devopskpi.core.testing.TestStores;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The dashboard's paged lists on H2 and on PostgreSQL, over one scenario with hand-made expectations. */
class ListQueriesTest {
    /**
     * Window January 2026, read on Feb 10. shop: delivered by acme/web, operated by northwind/ops. search: acme
     * (no team) for both until Jan 20, then nobody. billing: globex/pay from Jan 10, nothing deployed.
     */
    private static Scenario scenario(TestStores.Kind kind) {
        Scenario s = Scenario.on(kind).now("2026-02-10T00:00");
        s.assign("shop", "acme", "web", Responsibility.DELIVERY, "2025-01-01T00:00", null);
        s.assign("shop", "northwind", "ops", Responsibility.OPERATIONS, "2025-01-01T00:00", null);
        s.assign("search", "acme", null, Responsibility.BOTH, "2025-01-01T00:00", "2026-01-20T00:00");
        s.assign("billing", "globex", "pay", Responsibility.BOTH, "2026-01-10T00:00", null);
        s.success("old", "shop", "2025-12-20T10:00");
        s.success("s1", "shop", "2026-01-05T10:00",
                change("c1", "2026-01-05T08:00"), change("c2", "2026-01-05T09:00"));
        s.failure("f2", "shop", "2026-01-06T10:00");
        s.success("s3", "shop", "2026-01-06T11:00");
        s.success("q1", "search", "2026-01-10T10:00");
        s.success("q2", "search", "2026-01-25T10:00");
        s.deploy("st", "shop", "2026-01-07T10:00", DeploymentResult.SUCCESS,
                b -> b.environment("staging"));
        s.incident("i0", "search", "2025-12-31T20:00", null, "2026-01-01T02:00", null);
        s.incident("i1", "shop", "2026-01-08T09:00", "2026-01-08T09:30", "2026-01-08T11:00", null);
        s.incident("i2", "shop", "2026-01-28T09:00", null, null, null);
        s.service();
        return s;
    }

    private static KpiQuery january(Scope scope) {
        return new KpiQuery(scope, Scenario.PRODUCTION, t("2026-01-01T00:00"), t("2026-02-01T00:00"),
                ZoneOffset.UTC);
    }

    private static Clock clock(Scenario s) {
        return Clock.fixed(s.now(), ZoneOffset.UTC);
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void listsApplicationsWithTheirOwnersAtTheWindowsEnd(TestStores.Kind kind) {
        try (Scenario s = scenario(kind)) {
            ApplicationList list = new ApplicationList(s.store(), clock(s));

            ResultPage<ApplicationSummary> all = list.list(january(Scope.all()), Page.first());

            // billing has only an assignment; search's assignment ended Jan 20, so on Feb 1 nobody owns it;
            // deployments count January's SUCCESS runs: shop s1 and s3 (not f2, not "old"), search q1 and q2
            assertThat(all.total()).isEqualTo(3);
            assertThat(all.items()).containsExactly(
                    new ApplicationSummary("billing", new Owner("pay", "globex"), new Owner("pay", "globex"), 0, null),
                    new ApplicationSummary("search", new Owner("unassigned", "unassigned"),
                            new Owner("unassigned", "unassigned"), 2, t("2026-01-25T10:00")),
                    new ApplicationSummary("shop", new Owner("web", "acme"), new Owner("ops", "northwind"), 2,
                            t("2026-01-06T11:00")));
            assertThat(list.list(january(Scope.all()), new Page(1, 1)).items())
                    .extracting(ApplicationSummary::application).containsExactly("search");
            // a filter matches delivery or operations
            assertThat(list.list(january(Scope.supplier("northwind")), Page.first()).items())
                    .extracting(ApplicationSummary::application).containsExactly("shop");
            assertThat(list.list(january(Scope.team("pay")), Page.first()).total()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void listsTeamsWithTheApplicationsTheyDeliverOrOperate(TestStores.Kind kind) {
        try (Scenario s = scenario(kind)) {
            TeamList list = new TeamList(s.store(), clock(s));

            // pairs (billing, pay), (search, unassigned), (shop, web), (shop, ops): four teams
            ResultPage<TeamSummary> page = list.list(january(Scope.all()), new Page(1, 2));

            assertThat(page.total()).isEqualTo(4);
            assertThat(page.items()).containsExactly(new TeamSummary("pay", List.of("billing")),
                    new TeamSummary("unassigned", List.of("search")));
        }
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void listsDeploymentsNewestFirstWithTheirFailedChangeVerdict(TestStores.Kind kind) {
        try (Scenario s = scenario(kind)) {
            KpiService kpis = s.service();
            DeploymentList list = new DeploymentList(s.store(), kpis);

            ResultPage<DeploymentEntry> all = list.list(january(Scope.all()), Page.first());

            assertThat(all.total()).isEqualTo(5);
            assertThat(all.items()).extracting(DeploymentEntry::id).containsExactly("q2", "q1", "s3", "f2", "s1");
            DeploymentEntry f2 = all.items().get(3);
            // f2 failed at its finish (10:00) and s3 restored it at 11:00: 3,600 s
            assertThat(f2.failure().reasons()).containsExactly(FailureReason.FAILED_RESULT);
            assertThat(f2.failure().restoreSeconds()).isEqualTo(3_600.0);
            assertThat(all.items().get(4).changes()).isEqualTo(2);
            assertThat(all.items().get(4).isFailedChange()).isFalse();
            // q1 finished while acme (without a team) delivered search; q2 after that assignment ended
            assertThat(all.items().get(1).delivery()).isEqualTo(new Owner("unassigned", "acme"));
            assertThat(all.items().get(0).delivery()).isEqualTo(new Owner("unassigned", "unassigned"));

            assertThat(list.list(january(Scope.supplier("acme")), new Page(0, 2)))
                    .satisfies(p -> assertThat(p.total()).isEqualTo(4))
                    .satisfies(p -> assertThat(p.items()).extracting(DeploymentEntry::id).containsExactly("q1", "s3"));
            assertThat(list.list(january(Scope.team("unassigned")), Page.first()).items())
                    .extracting(DeploymentEntry::id).containsExactly("q2", "q1");
            assertThat(list.all(january(Scope.application("shop")))).extracting(DeploymentEntry::id)
                    .containsExactly("s3", "f2", "s1");
        }
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void listsIncidentsOverlappingTheWindowNewestFirst(TestStores.Kind kind) {
        try (Scenario s = scenario(kind)) {
            IncidentList list = new IncidentList(s.store());

            ResultPage<IncidentEntry> all = list.list(january(Scope.all()), Page.first());

            // i0 started Dec 31 and was resolved Jan 1 02:00: it overlaps January
            assertThat(all.items()).extracting(IncidentEntry::id).containsExactly("i2", "i1", "i0");
            assertThat(all.items().get(2).operations()).isEqualTo(new Owner("unassigned", "acme"));
            IncidentEntry i1 = all.items().get(1);
            assertThat(i1.detectSeconds()).isEqualTo(1_800.0);   // 09:00 → 09:30
            assertThat(i1.durationSeconds()).isEqualTo(7_200.0); // 09:00 → 11:00
            assertThat(all.items().get(0).durationSeconds()).isNull();
            assertThat(list.list(january(Scope.supplier("northwind")), new Page(1, 5)))
                    .satisfies(p -> assertThat(p.total()).isEqualTo(2))
                    .satisfies(p -> assertThat(p.items()).extracting(IncidentEntry::id).containsExactly("i1"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void reportsEverySupplierWithAnApplicationByName(TestStores.Kind kind) {
        try (Scenario s = scenario(kind)) {
            SupplierKpis suppliers = new SupplierKpis(s.store(), s.service());

            // assignments overlapping January: acme, northwind, globex; q2 has no supplier: unassigned
            assertThat(suppliers.reports(january(Scope.all())))
                    .extracting(r -> r.report().query().scope().name())
                    .containsExactly("acme", "globex", "northwind", "unassigned");
        }
    }

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void listsTheEnvironmentsWithDeployments(TestStores.Kind kind) {
        try (Scenario s = scenario(kind)) {
            assertThat(new EnvironmentList(s.store()).withDeployments()).containsExactly("production", "staging");
        }
    }
}
