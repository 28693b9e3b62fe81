package io.devopskpi.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.metric.GateMetric;
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
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.model.ReviewPeriod;
import io.devopskpi.core.model.Survey;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.GatePolicy;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    // ---------------------------------------------------------------- an estate that looks like a real one

    /** The demo at {@link #NOW}, ingested once for the tests below, which only read it. */
    private static List<Event> events;
    private static Store store;
    private static Clock clock;

    @BeforeAll
    static void ingest() {
        events = DemoData.generate(DemoData.DEFAULT_SEED, NOW);
        store = Store.open(StoreConfig.inMemory("demo-estate"));
        clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThat(new Ingestor(store, clock).ingest(events).accepted()).isEqualTo(events.size());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void everyApplicationIsAssignedFromTheDayOfItsFirstEventAndEveryEventFallsInAnAssignment() {
        Map<String, Instant> first = firstEvents(events);
        List<Assignment> assignments = of(Assignment.class);
        for (Assignment a : assignments) {
            // a contract that began long before the data would show its empty quarters as 0 deployments, 100 %
            assertThat(a.from()).as("start of %s", a.describe())
                    .isAfterOrEqualTo(first.get(a.application()).minus(Duration.ofDays(1)));
        }
        Map<String, List<Assignment>> byApplication = assignments.stream()
                .collect(Collectors.groupingBy(Assignment::application));
        assertThat(byApplication.keySet()).as("every application but reporting has assignments")
                .hasSize(11).doesNotContain("reporting");
        byApplication.forEach((application, list) -> {
            Instant from = list.stream().map(Assignment::from).min(Instant::compareTo).orElseThrow();
            assertThat(from).as("%s's first assignment begins on the day of its first event", application)
                    .isEqualTo(first.get(application).truncatedTo(ChronoUnit.DAYS));
        });
        for (Deployment d : of(Deployment.class)) {
            if (byApplication.containsKey(d.application())) {
                assertThat(supplierAt(assignments, d.application(), Responsibility::coversDelivery, d.finished()))
                        .as("delivery supplier of %s", d.id()).isNotNull();
            }
        }
        for (Incident i : of(Incident.class)) {
            if (byApplication.containsKey(i.application())) {
                assertThat(supplierAt(assignments, i.application(), Responsibility::coversOperations, i.started()))
                        .as("operations supplier of %s", i.id()).isNotNull();
            }
        }
    }

    @Test
    void contractTargetsAndSurveysBeginWithTheSuppliersFirstAssignmentAndEndByNow() {
        Map<String, Instant> contracts = new HashMap<>();
        of(Assignment.class).forEach(a -> contracts.merge(a.supplier(), a.from(), (x, y) -> x.isBefore(y) ? x : y));
        assertThat(contracts).containsOnlyKeys("acme", "globex", "northwind", "in-house");
        Map<String, List<ContractTarget>> targets = of(ContractTarget.class).stream()
                .collect(Collectors.groupingBy(ContractTarget::supplier));
        assertThat(targets).containsOnlyKeys(contracts.keySet());
        targets.forEach((supplier, list) -> {
            assertThat(list).as("%s's targets", supplier)
                    .allSatisfy(t -> assertThat(t.from()).isAfterOrEqualTo(contracts.get(supplier)));
            assertThat(list.stream().map(ContractTarget::from).min(Instant::compareTo)).as("%s's first target", supplier)
                    .contains(contracts.get(supplier));
        });
        Map<String, List<Survey>> surveys = of(Survey.class).stream().collect(Collectors.groupingBy(Survey::supplier));
        assertThat(surveys).containsOnlyKeys(contracts.keySet());
        surveys.forEach((supplier, list) -> {
            Instant contract = contracts.get(supplier);
            ReviewWindow firstQuarter = ReviewWindow.containing(ReviewPeriod.QUARTER, contract, ZoneOffset.UTC);
            ReviewWindow current = ReviewWindow.containing(ReviewPeriod.QUARTER, NOW, ZoneOffset.UTC);
            List<String> labels = new ArrayList<>();
            for (ReviewWindow q = firstQuarter; !q.from().isAfter(current.from());
                    q = ReviewWindow.containing(ReviewPeriod.QUARTER, q.to(), ZoneOffset.UTC)) {
                labels.add(q.label() + "-" + supplier);
            }
            assertThat(list).extracting(Survey::id).as("one survey of %s per quarter of its contract", supplier)
                    .containsExactlyInAnyOrderElementsOf(labels);
            for (Survey survey : list) {
                ReviewWindow quarter = ReviewWindow.containing(ReviewPeriod.QUARTER, survey.from(), ZoneOffset.UTC);
                assertThat(survey.from()).as(survey.id()).isAfterOrEqualTo(contract)
                        .isEqualTo(quarter.from().isBefore(contract) ? contract : quarter.from());
                assertThat(survey.to()).as("%s asks about the past only", survey.id()).isBeforeOrEqualTo(NOW)
                        .isEqualTo(quarter.to().isAfter(NOW) ? NOW : quarter.to());
            }
        });
    }

    @Test
    void quartersBeforeASuppliersContractShowNoAvailabilityOnItsScorecardTrend() {
        KpiService kpis = new KpiService(store, KpiSettings.defaults(), clock);
        ScorecardService scorecards = new ScorecardService(store, kpis, clock);
        ReviewWindow quarter = ReviewWindow.lastCompleteQuarter(NOW, ZoneOffset.UTC);
        Map<String, Instant> first = firstEvents(events);
        Instant history = first.values().stream().min(Instant::compareTo).orElseThrow();
        int before = 0;
        for (String supplier : List.of("acme", "globex", "northwind", "in-house")) {
            Scorecard card = scorecards.scorecard(supplier, quarter, "production", ZoneOffset.UTC);
            Scorecard.Line availability = card.kpis().stream().filter(l -> l.metric() == GateMetric.AVAILABILITY)
                    .findFirst().orElseThrow();
            for (Scorecard.TrendPoint point : availability.trend()) {
                if (!point.period().to().isAfter(history)) {
                    before++;
                    // nothing was operated then: "no data", never 100 %
                    assertThat(point.value().value()).as("%s's availability in %s", supplier,
                            point.period().label()).isNull();
                }
            }
            assertThat(availability.value().value()).as("%s's availability in %s", supplier, quarter.label())
                    .isNotNull();
        }
        assertThat(before).as("trend quarters before the history").isPositive();
    }

    @Test
    void aDeliverySupplierChangesInTheMiddleOfTheLastCompleteQuarterWithDeploymentsOnBothSides() {
        ReviewWindow quarter = ReviewWindow.lastCompleteQuarter(NOW, ZoneOffset.UTC);
        List<Assignment> assignments = of(Assignment.class);
        KpiService kpis = new KpiService(store, KpiSettings.defaults(), clock);
        int changes = 0;
        for (Assignment before : assignments) {
            for (Assignment after : assignments) {
                if (!before.application().equals(after.application()) || before.to() == null
                        || !before.to().equals(after.from()) || before.supplier().equals(after.supplier())
                        || !before.responsibility().coversDelivery() || !after.responsibility().coversDelivery()) {
                    continue;
                }
                Instant handover = after.from();
                // in the middle of the quarter a scorecard opens on, not at one of its edges
                assertThat(Duration.between(quarter.from(), handover).toDays()).isBetween(30L, 60L);
                long earlier = productionSuccesses(before.application(), quarter.from(), handover);
                long later = productionSuccesses(before.application(), handover, quarter.to());
                System.out.printf("%s: %s -> %s at %s, %d and %d deployments%n", before.application(),
                        before.supplier(), after.supplier(), handover, earlier, later);
                // enough on either side for each supplier's share of the quarter to show a rate
                assertThat(earlier).as("deployments before the change").isGreaterThanOrEqualTo(10);
                assertThat(later).as("deployments after the change").isGreaterThanOrEqualTo(10);
                KpiQuery query = new KpiQuery(Scope.supplier(before.supplier()), "production", quarter.from(),
                        quarter.to(), ZoneOffset.UTC);
                assertThat(kpis.figures(query, Set.of(before.application())).report().deploymentFrequency()
                        .deployments()).as("%s's part of the quarter", before.supplier()).isEqualTo((int) earlier);
                assertThat(kpis.figures(new KpiQuery(Scope.supplier(after.supplier()), "production",
                        quarter.from(), quarter.to(), ZoneOffset.UTC), Set.of(before.application())).report()
                        .deploymentFrequency().deployments()).as("%s's part of the quarter", after.supplier())
                        .isEqualTo((int) later);
                changes++;
            }
        }
        assertThat(changes).as("mid-quarter delivery changes").isPositive();
    }

    @Test
    void oneSupplierOnlyRunsApplicationsAndAnotherBuildsWhatItRunsAndRunsOneOfItsOwn() {
        List<Assignment> assignments = of(Assignment.class);
        Map<String, List<Assignment>> bySupplier = assignments.stream()
                .collect(Collectors.groupingBy(Assignment::supplier));
        ReviewWindow quarter = ReviewWindow.lastCompleteQuarter(NOW, ZoneOffset.UTC);
        KpiService kpis = new KpiService(store, KpiSettings.defaults(), clock);
        ScorecardService scorecards = new ScorecardService(store, kpis, clock);

        List<String> runners = bySupplier.entrySet().stream()
                .filter(e -> e.getValue().stream().allMatch(a -> a.responsibility() == Responsibility.OPERATIONS))
                .map(Map.Entry::getKey).toList();
        assertThat(runners).as("suppliers that only run applications").isNotEmpty();
        for (String runner : runners) {
            long incidents = of(Incident.class).stream()
                    .filter(i -> i.environment().equals("production") && !i.started().isBefore(quarter.from())
                            && i.started().isBefore(quarter.to()))
                    .filter(i -> runner.equals(supplierAt(assignments, i.application(),
                            Responsibility::coversOperations, i.started())))
                    .count();
            assertThat(incidents).as("%s's incidents in %s", runner, quarter.label()).isPositive();
            Scorecard card = scorecards.scorecard(runner, quarter, "production", ZoneOffset.UTC);
            assertThat(card.responsibilities()).extracting(Assignment::responsibility)
                    .containsOnly(Responsibility.OPERATIONS);
            assertThat(card.delivery().report().deploymentFrequency().deployments()).as("built by %s", runner)
                    .isZero();
            assertThat(card.operations().report().timeToDetect().count()).as("detected on %s's watch", runner)
                    .isEqualTo((int) incidents);
        }

        // a supplier that builds an application another runs, and builds and runs another: the split case
        List<String> split = new ArrayList<>();
        bySupplier.forEach((supplier, list) -> {
            boolean buildsForAnother = list.stream().anyMatch(a -> a.responsibility() == Responsibility.DELIVERY
                    && assignments.stream().anyMatch(o -> o.application().equals(a.application())
                            && !o.supplier().equals(supplier) && o.responsibility().coversOperations()));
            boolean runs = list.stream().anyMatch(a -> a.responsibility().coversOperations());
            if (buildsForAnother && runs) {
                split.add(supplier);
            }
        });
        assertThat(split).as("suppliers that build for another runner and run something").isNotEmpty();
        for (String supplier : split) {
            Scorecard card = scorecards.scorecard(supplier, quarter, "production", ZoneOffset.UTC);
            assertThat(card.applications()).extracting(Scorecard.ApplicationPart::responsibility)
                    .as("%s's applications in %s", supplier, quarter.label())
                    .contains(Responsibility.DELIVERY).containsAnyOf(Responsibility.BOTH, Responsibility.OPERATIONS);
        }
    }

    /**
     * issue 12, "done when": for every supplier of the demo, the scorecard's headline figures are its "what they
     * built" / "what they ran" figures, and a responsibility it did not hold is "not responsible", never 100 %.
     */
    @Test
    void everyScorecardsHeadlineIsWhatItBuiltAndWhatItRan() {
        ReviewWindow quarter = ReviewWindow.lastCompleteQuarter(NOW, ZoneOffset.UTC);
        KpiService kpis = new KpiService(store, KpiSettings.defaults(), clock);
        ScorecardService scorecards = new ScorecardService(store, kpis, clock);
        Set<String> suppliers = new java.util.TreeSet<>();
        of(Assignment.class).forEach(a -> suppliers.add(a.supplier()));
        suppliers.add("unassigned");
        for (String supplier : suppliers) {
            Scorecard card = scorecards.scorecard(supplier, quarter, "production", ZoneOffset.UTC);
            com.google.gson.JsonObject json = io.devopskpi.core.json.GovernanceJson.scorecard(card);
            com.google.gson.JsonObject built = json.getAsJsonObject("breakdown").getAsJsonObject("responsibilities")
                    .getAsJsonObject("DELIVERY");
            com.google.gson.JsonObject ran = json.getAsJsonObject("breakdown").getAsJsonObject("responsibilities")
                    .getAsJsonObject("OPERATIONS");
            for (com.google.gson.JsonElement element : json.getAsJsonArray("kpis")) {
                com.google.gson.JsonObject line = element.getAsJsonObject();
                if (line.has("applications")) {
                    continue; // a target on some applications only
                }
                String metric = line.get("metric").getAsString();
                com.google.gson.JsonElement value = line.get("value");
                com.google.gson.JsonElement side = switch (metric) {
                    case "changeSuccessRate" -> built.getAsJsonObject("changeSuccessRate").get("rate");
                    case "deploymentsPerWeek" -> built.getAsJsonObject("deploymentFrequency").get("perWeek");
                    case "timeToRestoreMean" -> built.getAsJsonObject("timeToRestore").get("meanSeconds");
                    case "timeToDetectMean" -> ran.getAsJsonObject("timeToDetect").get("meanSeconds");
                    case "timeToResolveMean" -> ran.getAsJsonObject("timeToResolve").get("meanSeconds");
                    case "availability" -> ran.getAsJsonObject("availability").get("ratio");
                    default -> value;
                };
                assertThat(value).as("%s %s: headline vs built/ran", supplier, metric).isEqualTo(side);
            }
            boolean runs = json.getAsJsonArray("responsibilitiesHeld").toString().contains("OPERATIONS");
            com.google.gson.JsonElement availability = ran.getAsJsonObject("availability").get("ratio");
            if (!runs) {
                // metrics.md: a supplier that operated nothing has no availability, never 100 %
                assertThat(availability.isJsonNull()).as("%s's availability", supplier).isTrue();
            }
        }
    }

    /**
     * The dashboard tests seed the demo at the real time: the estate keeps its shape whatever day it is seeded,
     * also in the last days of a quarter, when half a year does not reach back to the last complete quarter.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01T00:30:00Z", "2026-03-31T23:00:00Z", "2026-05-16T08:00:00Z",
            "2026-06-29T12:00:00Z", "2026-09-30T18:00:00Z", "2026-12-31T23:59:59Z"})
    void everySeedingDayHasContractsOverTheLastCompleteQuarterAMidQuarterChangeAndARunnerWithIncidents(
            String seeded) {
        Instant now = Instant.parse(seeded);
        List<Event> demo = DemoData.generate(DemoData.DEFAULT_SEED, now);
        ReviewWindow quarter = ReviewWindow.lastCompleteQuarter(now, ZoneOffset.UTC);
        List<Assignment> assignments = of(demo, Assignment.class);
        Map<String, Instant> contracts = new HashMap<>();
        assignments.forEach(a -> contracts.merge(a.supplier(), a.from(), (x, y) -> x.isBefore(y) ? x : y));
        // targets in force at the quarter's start judge it: every contract began before
        assertThat(contracts).hasSize(4).allSatisfy((supplier, from) -> assertThat(from).as(supplier)
                .isBeforeOrEqualTo(quarter.from()));
        List<Assignment> ended = assignments.stream().filter(a -> a.to() != null).toList();
        assertThat(ended).as("assignments that end").hasSize(1);
        Assignment before = ended.get(0);
        assertThat(Duration.between(quarter.from(), before.to()).toDays()).isBetween(30L, 60L);
        assertThat(productionSuccesses(demo, before.application(), quarter.from(), before.to()))
                .isGreaterThanOrEqualTo(10);
        assertThat(productionSuccesses(demo, before.application(), before.to(), quarter.to()))
                .isGreaterThanOrEqualTo(10);
        assertThat(of(demo, Incident.class)).as("incidents northwind, which only runs, had to handle in %s",
                quarter.label()).anySatisfy(i -> {
                    assertThat(i.started()).isAfterOrEqualTo(quarter.from()).isBefore(quarter.to());
                    assertThat(supplierAt(assignments, i.application(), Responsibility::coversOperations,
                            i.started())).isEqualTo("northwind");
                });
        assertThat(assignments).filteredOn(a -> a.supplier().equals("northwind"))
                .extracting(Assignment::responsibility).containsOnly(Responsibility.OPERATIONS);
    }

    private static long productionSuccesses(String application, Instant from, Instant to) {
        return productionSuccesses(events, application, from, to);
    }

    private static long productionSuccesses(List<Event> events, String application, Instant from, Instant to) {
        return of(events, Deployment.class).stream()
                .filter(d -> d.application().equals(application) && d.environment().equals("production")
                        && d.result() == DeploymentResult.SUCCESS
                        && !d.finished().isBefore(from) && d.finished().isBefore(to))
                .count();
    }

    /** The supplier of the assignment covering that side of the application at t, null when none. */
    private static String supplierAt(List<Assignment> assignments, String application,
            Predicate<Responsibility> side, Instant t) {
        List<String> suppliers = assignments.stream()
                .filter(a -> a.application().equals(application) && side.test(a.responsibility()) && a.covers(t))
                .map(Assignment::supplier).toList();
        assertThat(suppliers).as("assignments of %s at %s", application, t).hasSizeLessThanOrEqualTo(1);
        return suppliers.isEmpty() ? null : suppliers.get(0);
    }

    /** Per application, the earliest start of its deployments and incidents. */
    private static Map<String, Instant> firstEvents(List<Event> events) {
        Map<String, Instant> first = new HashMap<>();
        for (Event event : events) {
            Instant at = event instanceof Deployment d ? d.started() : event instanceof Incident i ? i.started() : null;
            if (at != null) {
                first.merge(event.application(), at, (x, y) -> x.isBefore(y) ? x : y);
            }
        }
        return first;
    }

    private static <T extends Event> List<T> of(Class<T> type) {
        return of(events, type);
    }

    private static <T extends Event> List<T> of(List<Event> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static void add(Set<Band> bands, Band band) {
        if (band != null) {
            bands.add(band);
        }
    }
}
