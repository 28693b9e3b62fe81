package io.devopskpi.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.gate.GateMetric;
import io.devopskpi.core.governance.ContractVerdict;
import io.devopskpi.core.governance.ReviewWindow;
import io.devopskpi.core.governance.Scorecard;
import io.devopskpi.core.governance.ScorecardService;
import io.devopskpi.core.ingest.IngestResult;
import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.json.KpiJson;
import io.devopskpi.core.kpi.Band;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiReport;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.GatePolicy;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void theSameSeedAndTimeGiveTheSameEventsAndTheSameKpis() {
        List<Event> first = DemoData.generate(DemoData.DEFAULT_SEED, NOW);
        assertThat(DemoData.generate(DemoData.DEFAULT_SEED, NOW)).isEqualTo(first);
        assertThat(DemoData.generate(DemoData.DEFAULT_SEED + 1, NOW)).isNotEqualTo(first);
        try (Store a = Store.open(StoreConfig.inMemory("demo-a")); Store b = Store.open(StoreConfig.inMemory("demo-b"))) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            new Ingestor(a, clock).ingest(first);
            new Ingestor(b, clock).ingest(DemoData.generate(DemoData.DEFAULT_SEED, NOW));
            KpiQuery query = KpiQuery.ending(Scope.all(), "production", NOW, Duration.ofDays(90), ZoneOffset.UTC);
            assertThat(KpiJson.toJson(new KpiService(b, KpiSettings.defaults(), clock).report(query)))
                    .isEqualTo(KpiJson.toJson(new KpiService(a, KpiSettings.defaults(), clock).report(query)));
        }
    }

    @Test
    void coversTwelveApplicationsHalfAYearAndEveryBand() {
        List<Event> events = DemoData.generate(DemoData.DEFAULT_SEED, NOW);
        Set<String> applications = events.stream().filter(e -> e instanceof Deployment)
                .map(Event::application).collect(Collectors.toSet());
        assertThat(applications).hasSize(12);
        try (Store store = Store.open(StoreConfig.inMemory("demo-bands"))) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            IngestResult result = new Ingestor(store, clock).ingest(events);
            assertThat(result.accepted()).isEqualTo(events.size());
            KpiService kpis = new KpiService(store, KpiSettings.defaults(), clock);
            EnumSet<Band> frequency = EnumSet.noneOf(Band.class);
            EnumSet<Band> failure = EnumSet.noneOf(Band.class);
            EnumSet<Band> lead = EnumSet.noneOf(Band.class);
            EnumSet<Band> restore = EnumSet.noneOf(Band.class);
            for (String application : applications) {
                KpiReport report = kpis.report(KpiQuery.ending(Scope.application(application), "production", NOW,
                        Duration.ofDays(180), ZoneOffset.UTC));
                System.out.printf("%-16s df=%-6s %3d/day %.2f wk=%.1f mo=%.1f  lt=%-6s %8.0f  cfr=%-6s %d/%d  ttr=%-6s %s open=%d"
                        + "  avail=%.4f%n", application, report.deploymentFrequency().band(),
                        report.deploymentFrequency().deployments(), report.deploymentFrequency().perDay(),
                        report.deploymentFrequency().medianDeploymentDaysPerWeek(),
                        report.deploymentFrequency().medianDeploymentDaysPerMonth(),
                        report.leadTime().band(), report.leadTime().medianSeconds(),
                        report.changeFailureRate().band(), report.changeFailureRate().failed(),
                        report.changeFailureRate().total(), report.timeToRestore().band(),
                        report.timeToRestore().medianSeconds(), report.timeToRestore().open(),
                        report.availability().ratio());
                frequency.add(report.deploymentFrequency().band());
                add(failure, report.changeFailureRate().band());
                add(lead, report.leadTime().band());
                add(restore, report.timeToRestore().band());
            }
            assertThat(frequency).as("deployment frequency bands").containsExactlyInAnyOrder(Band.values());
            assertThat(failure).as("change failure rate bands").containsExactlyInAnyOrder(Band.values());
            assertThat(lead).as("lead time bands").containsExactlyInAnyOrder(Band.values());
            assertThat(restore).as("time to restore bands").containsExactlyInAnyOrder(Band.values());
        }
    }

    @Test
    void governsEverySupplierWithTargetsThatAreMetAndMissedAndAStoredPolicy() {
        List<Event> events = DemoData.generate(DemoData.DEFAULT_SEED, NOW);
        try (Store store = Store.open(StoreConfig.inMemory("demo-governance"))) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            new Ingestor(store, clock).ingest(events);
            KpiService kpis = new KpiService(store, KpiSettings.defaults(), clock);
            ScorecardService scorecards = new ScorecardService(store, kpis, clock);
            ReviewWindow quarter = ReviewWindow.lastCompleteQuarter(NOW, ZoneOffset.UTC);
            EnumSet<ContractVerdict> verdicts = EnumSet.noneOf(ContractVerdict.class);
            for (String supplier : List.of("acme", "globex", "northwind", "in-house")) {
                Scorecard card = scorecards.scorecard(supplier, quarter, "production", ZoneOffset.UTC);
                long targeted = card.kpis().stream().filter(l -> l.target() != null).count();
                assertThat(targeted).as(supplier + "'s targets").isGreaterThanOrEqualTo(2);
                card.kpis().stream().filter(l -> l.target() != null).forEach(l -> {
                    System.out.printf("%-10s %-26s %-10s %s%n", supplier, l.metric().apiName(), l.verdict(),
                            l.value().value());
                    verdicts.add(l.verdict());
                });
                assertThat(card.kpis()).filteredOn(l -> l.metric() == GateMetric.STAKEHOLDER_SATISFACTION)
                        .allSatisfy(l -> assertThat(l.value().samples()).isPositive());
            }
            assertThat(verdicts).contains(ContractVerdict.MET, ContractVerdict.MISSED);
            // acme's success rate was renegotiated in the middle of that quarter: it is judged by the old target
            assertThat(new EventReader(store).targets("acme")).filteredOn(t -> t.metric()
                    == GateMetric.CHANGE_SUCCESS_RATE).hasSize(2);
            Scorecard acme = scorecards.scorecard("acme", quarter, "production", ZoneOffset.UTC);
            assertThat(acme.kpis()).filteredOn(l -> l.metric() == GateMetric.CHANGE_SUCCESS_RATE)
                    .singleElement().satisfies(l -> assertThat(l.target().value()).isEqualTo(0.85));
            assertThat(new EventReader(store).policies()).extracting(GatePolicy::name).containsExactly("release-shop");
            assertThat(new EventReader(store).profiles()).hasSize(12);
        }
    }

    private static void add(Set<Band> bands, Band band) {
        if (band != null) {
            bands.add(band);
        }
    }
}
