package io.devopskpi.core.kpi;

import io.devopskpi.core.metric.Fraction;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreException;
import io.devopskpi.core.store.StoreRead;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The one entry point for KPIs: reads the store within the query's scope and window and computes metrics.md. */
public final class KpiService {
    private static final double SECONDS_PER_DAY = 86_400;
    /**
     * The most applications a read names in its queries ({@link Narrowing}); a scope with more is read
     * environment-wide, by one range read of the window.
     */
    static final int NARROW_AT_MOST = 100;

    private final Store store;
    private final KpiSettings settings;
    private final Clock clock;
    private final int narrowAtMost;

    public KpiService(Store store, KpiSettings settings, Clock clock) {
        this(store, settings, clock, NARROW_AT_MOST);
    }

    /** @param narrowAtMost as {@link #NARROW_AT_MOST}; -1 reads every scope environment-wide */
    KpiService(Store store, KpiSettings settings, Clock clock, int narrowAtMost) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.narrowAtMost = narrowAtMost;
    }

    public KpiSettings settings() {
        return settings;
    }

    /**
     * All KPIs for the query, evaluated over everything stored now.
     *
     * @throws InvalidQueryException naming {@code window} when the window starts after the query time
     * @throws StoreException when the store cannot be read
     */
    public KpiReport report(KpiQuery query) {
        return report(query, null);
    }

    /**
     * As {@link #report(KpiQuery)}, counting only events of the given applications (null: all): the like-for-like
     * filter of a tag, so that a page's trends follow the same filter as its figures.
     */
    public KpiReport report(KpiQuery query, Set<String> applications) {
        return read(query, (read, now) -> {
            KpiRepository repository = repository(query, read, applications);
            return compute(query, now, repository, WindowData.load(repository, query, settings),
                    new ScopeFilter(query.scope(), applications)).report();
        });
    }

    /**
     * The report with stakeholder satisfaction and platform re-use: everything a gate or a contract target can
     * name (metrics.md; contract: stakeholderSatisfaction, sharedComponentUse).
     */
    public KpiFigures figures(KpiQuery query) {
        return figures(query, null);
    }

    /**
     * As {@link #figures(KpiQuery)}, counting only events of the given applications (null: all): a target that
     * names some of a supplier's applications, or a like-for-like comparison of applications with one tag.
     */
    public KpiFigures figures(KpiQuery query, Set<String> applications) {
        return read(query, (read, now) -> {
            KpiRepository repository = repository(query, read, applications);
            WindowData data = WindowData.load(repository, query, settings);
            return figures(query, now, read, repository, data, applications,
                    componentsOf(query, read, data));
        });
    }

    /** A scope, counting only events of some applications (null: all). */
    public record Slice(Scope scope, Set<String> applications) {
        public Slice {
            applications = applications == null ? null : Set.copyOf(applications);
        }
    }

    /**
     * {@link #figures(KpiQuery, Set)} of each supplier over the same window and environment, read on one snapshot
     * (see {@link #figuresOf}), as {@code /suppliers} and the comparison need.
     *
     * @param window the window and environment; its scope is ignored
     */
    public List<KpiFigures> figuresOfSuppliers(KpiQuery window, List<String> suppliers, Set<String> applications) {
        return figuresOf(window, suppliers.stream().map(s -> new Slice(Scope.supplier(s), applications)).toList());
    }

    /**
     * The figures of each slice over the same window and environment, read on one snapshot: the window's
     * deployments, changes, failed changes, incidents and components are read once, for the applications any
     * slice needs (environment-wide for most slices, see {@link Narrowing}), and every slice computed from them;
     * the same values as one {@link #figures(KpiQuery, Set)} call per slice, without reading the window once per
     * slice.
     *
     * @param window the window and environment; its scope is ignored
     */
    public List<KpiFigures> figuresOf(KpiQuery window, List<Slice> slices) {
        return read(window, (read, now) -> {
            KpiQuery environmentWide = window.withScope(Scope.all());
            KpiRepository repository = repositoryOf(window, read, slices);
            WindowData data = WindowData.load(repository, environmentWide, settings);
            PlatformReuse components = componentsOf(environmentWide, read, data);
            Map<Scope, WindowData> parts = slices.size() > 1 ? data.partsOf(slices) : Map.of();
            List<KpiFigures> figures = new ArrayList<>();
            for (Slice slice : slices) {
                figures.add(figures(window.withScope(slice.scope()), now, read, repository,
                        parts.getOrDefault(slice.scope(), data), slice.applications(), components));
            }
            return figures;
        });
    }

    private KpiFigures figures(KpiQuery query, Instant now, StoreRead read, KpiRepository repository,
            WindowData data, Set<String> applications, PlatformReuse components) throws SQLException {
        ScopeFilter filter = new ScopeFilter(query.scope(), applications);
        Computed computed = compute(query, now, repository, data, filter);
        Satisfaction satisfaction = SurveyScores.of(read, query, applications);
        return new KpiFigures(computed.report(), satisfaction, components.report(query, computed.successes()),
                List.copyOf(computed.responsible().applications()), computed.responsible().responsibilities());
    }

    /** A report, what its scope was responsible for, and the scope's SUCCESS deployments of the window, in order. */
    private record Computed(KpiReport report, Responsible responsible, List<DeploymentRecord> successes) {
    }

    /** What a read does on its snapshot at the query time. */
    private interface Read<T> {
        T apply(StoreRead read, Instant now) throws SQLException;
    }

    private <T> T read(KpiQuery query, Read<T> work) {
        Instant now = clock.instant();
        if (query.from().isAfter(now)) {
            throw new InvalidQueryException(List.of(new QueryError("window", "the window must not start after "
                    + "the query time: from " + query.from() + ", now " + now)));
        }
        // One snapshot for all the queries of a read.
        return StoreRead.snapshot(store, "KPIs", read -> work.apply(read, now));
    }

    /** The repository of the applications the query's scope, kept to some applications (null: all), needs. */
    private KpiRepository repository(KpiQuery query, StoreRead read, Set<String> applications) throws SQLException {
        return repositoryOf(query, read, List.of(new Slice(query.scope(), applications)));
    }

    /** The repository of the applications the slices need ({@link Narrowing}). */
    private KpiRepository repositoryOf(KpiQuery query, StoreRead read, List<Slice> slices) throws SQLException {
        Set<String> applications = narrowAtMost < 0 ? null
                : Narrowing.of(read, query.environment(), slices, narrowAtMost);
        return KpiRepository.of(read, query.environment(), applications, settings.failureIsFailedChange());
    }

    /**
     * The failed changes among the scope's change attempts in the window (those counted by the change failure
     * rate), in deployment order, each with its reasons and restore.
     */
    public List<FailedChangeView> failedChanges(KpiQuery query) {
        return read(query, (read, now) -> {
            KpiRepository repository = repository(query, read, null);
            ScopeFilter filter = new ScopeFilter(query.scope());
            List<DeploymentRecord> window = repository.deploymentsFinishedIn(query.from(), query.to());
            return new FailedChangeAnalysis(repository, settings.attributionHorizon())
                    .failedChanges(window, query.from(), query.to()).stream()
                    .filter(f -> filter.matches(f.deployment()))
                    .sorted(java.util.Comparator.comparing(FailedChange::deployment, DeploymentRecord.ORDER))
                    .map(FailedChange::view)
                    .toList();
        });
    }

    /**
     * Platform re-use (metrics.md) for the query's scope. "Shared" and "newest" are judged over the whole
     * environment, so this reads the environment's SUCCESS deployments of the window even for one application.
     */
    public ComponentReport components(KpiQuery query) {
        return read(query, (read, now) -> components(query, read, new ScopeFilter(query.scope())));
    }

    private ComponentReport components(KpiQuery query, StoreRead read, ScopeFilter filter)
            throws SQLException {
        return componentsOf(query, read, null).report(query, filter);
    }

    /**
     * The environment's SUCCESS deployments of the window and their components: what platform re-use reads. The
     * window's deployments already read environment-wide are used as they are, not read again; those read for some
     * applications only ({@code data} of a narrowed read) serve as well when no deployment of the window lists a
     * component, since "shared" and "newest" then concern no other application.
     */
    private PlatformReuse componentsOf(KpiQuery query, StoreRead read, WindowData data) throws SQLException {
        KpiRepository environmentWide = KpiRepository.of(read, query.environment(), null,
                settings.failureIsFailedChange());
        Map<String, Map<String, String>> components = environmentWide.componentsOfSuccessesIn(query.from(),
                query.to());
        List<DeploymentRecord> window = data != null && (data.wholeEnvironment() || components.isEmpty())
                ? data.window() : environmentWide.successesFinishedIn(query.from(), query.to());
        List<DeploymentRecord> successes = window.stream().filter(DeploymentRecord::isSuccess).toList();
        return new PlatformReuse(successes, components);
    }

    /**
     * The KPIs of each week or month of the query's window (aligned in its zone, clipped to the window); buckets
     * that start after the query time are left out.
     */
    public List<KpiReport> trend(KpiQuery query, Bucket bucket) {
        return trend(query, bucket, null);
    }

    /** As {@link #trend(KpiQuery, Bucket)}, counting only events of the given applications (null: all). */
    public List<KpiReport> trend(KpiQuery query, Bucket bucket, Set<String> applications) {
        Instant now = clock.instant();
        List<KpiReport> reports = new ArrayList<>();
        for (Instant[] range : bucket.split(query.from(), query.to(), query.zone())) {
            if (!range[0].isAfter(now)) {
                reports.add(report(query.withWindow(range[0], range[1]), applications));
            }
        }
        return reports;
    }

    /**
     * What one window of one environment (or of one application) holds, read once: its deployments of any result,
     * the listings of their changes, its failed changes and the incidents a KPI of the window can count. Every
     * scope's KPIs are computed from it with a {@link ScopeFilter}.
     */
    private record WindowData(List<DeploymentRecord> window, List<ChangeListing> listings,
            List<FailedChange> failed, List<IncidentRecord> incidents, boolean wholeEnvironment) {

        static WindowData load(KpiRepository repository, KpiQuery query, KpiSettings settings) throws SQLException {
            Instant from = query.from();
            Instant to = query.to();
            List<DeploymentRecord> window = repository.deploymentsFinishedIn(from, to);
            Map<String, DeploymentRecord> byId = new HashMap<>();
            window.forEach(d -> byId.put(d.id(), d));
            return new WindowData(window, repository.firstListingsIn(from, to, byId),
                    new FailedChangeAnalysis(repository, settings.attributionHorizon()).failedChanges(window, from, to),
                    repository.incidentsOfWindow(from, to).stream()
                            .filter(i -> i.severity().atLeast(query.minSeverity())).toList(),
                    repository.wholeEnvironment());
        }

        /**
         * Per team or supplier among the slices, the part of the window its scope can match: the deployments,
         * listings and failed changes of its DELIVERY attribution and the incidents of its OPERATIONS attribution,
         * in their order, each list split once for all of them rather than filtered once per slice. Not for
         * {@code unassigned}, whose availability counts the applications nobody else operated from the whole
         * window.
         */
        Map<Scope, WindowData> partsOf(List<Slice> slices) {
            Map<Scope, WindowData> parts = new HashMap<>();
            for (Scope.Kind kind : List.of(Scope.Kind.TEAM, Scope.Kind.SUPPLIER)) {
                Set<String> owners = slices.stream().map(Slice::scope)
                        .filter(s -> s.kind() == kind && !Attribution.UNASSIGNED.equals(s.name()))
                        .map(Scope::name).collect(Collectors.toSet());
                if (owners.isEmpty()) {
                    continue;
                }
                java.util.function.Function<Attribution, String> owner = kind == Scope.Kind.TEAM
                        ? Attribution::team : Attribution::supplier;
                Map<String, List<DeploymentRecord>> deployments = split(window, DeploymentRecord::delivery, owner);
                Map<String, List<ChangeListing>> changes = split(listings, l -> l.deployment().delivery(), owner);
                Map<String, List<FailedChange>> failures = split(failed, f -> f.deployment().delivery(), owner);
                Map<String, List<IncidentRecord>> operated = split(incidents, IncidentRecord::operations, owner);
                for (String name : owners) {
                    parts.put(new Scope(kind, name), new WindowData(deployments.getOrDefault(name, List.of()),
                            changes.getOrDefault(name, List.of()), failures.getOrDefault(name, List.of()),
                            operated.getOrDefault(name, List.of()), wholeEnvironment));
                }
            }
            return parts;
        }

        private static <T> Map<String, List<T>> split(List<T> items,
                java.util.function.Function<T, Attribution> attribution,
                java.util.function.Function<Attribution, String> owner) {
            Map<String, List<T>> parts = new HashMap<>();
            for (T item : items) {
                Attribution a = attribution.apply(item);
                if (a != null) {
                    parts.computeIfAbsent(owner.apply(a), o -> new ArrayList<>()).add(item);
                }
            }
            return parts;
        }
    }

    private Computed compute(KpiQuery query, Instant now, KpiRepository repository, WindowData data,
            ScopeFilter filter) throws SQLException {
        Scope scope = query.scope();
        Instant from = query.from();
        Instant to = query.to();
        Instant cutTo = to.isAfter(now) ? now : to;

        List<DeploymentRecord> window = data.window();
        List<DeploymentRecord> inScope = window.stream().filter(filter::matches).toList();
        List<DeploymentRecord> successes = inScope.stream().filter(DeploymentRecord::isSuccess).toList();

        KpiReport.DeploymentFrequency frequency = deploymentFrequency(successes, from, cutTo, query);

        LeadTimes leadTimes = LeadTimes.of(data.listings(), from, to, filter);
        Statistics lead = Statistics.of(leadTimes.samples);
        Double leadMedian = lead.median();
        KpiReport.LeadTime leadTime = new KpiReport.LeadTime(leadTimes.samples.size(), leadTimes.skipped,
                leadMedian, lead.percentile(0.9), lead.mean(), settings.bands().leadTime(leadMedian));

        List<FailedChange> failed = data.failed();
        int attempts = (int) inScope.stream().filter(DeploymentRecord::isAttempt).count();
        int failedInScope = (int) failed.stream().filter(f -> filter.matches(f.deployment())).count();
        KpiReport.Interval failureInterval = WilsonInterval.of(failedInScope, attempts);
        KpiReport.ChangeFailureRate failureRate = new KpiReport.ChangeFailureRate(failedInScope, attempts,
                Statistics.rate(failedInScope, attempts), failureInterval,
                settings.bands().changeFailureRate(failedInScope, attempts));
        // metrics.md: a success rate is (total − failed) ÷ total, never 1 − rate in floating point.
        KpiReport.ChangeSuccessRate successRate = new KpiReport.ChangeSuccessRate(
                Statistics.rate(attempts - failedInScope, attempts), WilsonInterval.complement(failureInterval));

        KpiReport.TimeToRestore restore = timeToRestore(failed, filter, now);

        // OPERATIONS KPIs: incidents by their operations attribution.
        List<IncidentRecord> incidentsInScope = data.incidents().stream().filter(filter::matches).toList();
        List<IncidentRecord> startedInWindow = incidentsInScope.stream()
                .filter(i -> !i.started().isBefore(from) && i.started().isBefore(to)).toList();
        List<Double> detect = startedInWindow.stream()
                .filter(i -> i.detected() != null)
                .map(i -> FailedChange.seconds(Duration.between(i.started(), i.detected())))
                .toList();
        Statistics detection = Statistics.of(detect);
        KpiReport.TimeToDetect timeToDetect = new KpiReport.TimeToDetect(detect.size(), detection.mean(),
                detection.median());
        KpiReport.TimeToResolve timeToResolve = timeToResolve(startedInWindow, now);

        int rework = (int) successes.stream()
                .filter(d -> d.kind().isRemediation() || d.startedDuringIncident()).count();
        KpiReport.ReworkRate reworkRate = new KpiReport.ReworkRate(rework, successes.size(),
                Statistics.rate(rework, successes.size()));

        List<IncidentRecord> overlapping = incidentsInScope.stream().filter(i -> i.overlaps(from, to)).toList();
        // the team's or supplier's assignments overlapping the window, read once for what it operated and held
        Map<String, Set<Responsibility>> assigned = scope.kind() == Scope.Kind.TEAM
                || scope.kind() == Scope.Kind.SUPPLIER ? repository.assignedTo(scope, from, to) : Map.of();
        Set<String> applications = operatedApplications(scope, filter, data, overlapping, assigned, repository,
                from, to);
        KpiReport.Availability availability = availability(applications, overlapping, from, cutTo);

        return new Computed(new KpiReport(query, frequency, leadTime, failureRate, successRate, restore,
                timeToDetect, timeToResolve, reworkRate, availability, Duration.between(from, cutTo)),
                responsible(scope, filter, inScope, applications, assigned), successes);
    }

    private KpiReport.DeploymentFrequency deploymentFrequency(List<DeploymentRecord> successes, Instant from,
            Instant cutTo, KpiQuery query) {
        double days = FailedChange.seconds(Duration.between(from, cutTo)) / SECONDS_PER_DAY;
        double perDay = days > 0 ? successes.size() / days : 0;
        List<Instant> finished = successes.stream().map(DeploymentRecord::finished).toList();
        double perWeek = DeploymentDays.medianPerWeek(finished, from, cutTo, query.zone());
        double perMonth = DeploymentDays.medianPerMonth(finished, from, cutTo, query.zone());
        return new KpiReport.DeploymentFrequency(successes.size(), perDay, 7 * perDay, perWeek, perMonth,
                settings.bands().deploymentFrequency(perWeek, perMonth));
    }

    private KpiReport.TimeToRestore timeToRestore(List<FailedChange> failed, ScopeFilter filter, Instant now) {
        List<FailedChange> owned = failed.stream()
                .filter(f -> filter.matches(f.deployment()))
                .toList();
        List<Double> restored = owned.stream().filter(f -> !f.isOpen()).map(FailedChange::restoreSeconds).toList();
        List<KpiReport.OpenFailure> open = owned.stream()
                .filter(FailedChange::isOpen)
                .sorted(FailedChangeAnalysis.OPEN_ORDER)
                .map(f -> new KpiReport.OpenFailure(f.deployment().id(), f.application(), f.failureStart(),
                        FailedChange.seconds(Duration.between(f.failureStart(), now))))
                .toList();
        Statistics restores = Statistics.of(restored);
        Double median = restores.median();
        return new KpiReport.TimeToRestore(restored.size(), open.size(), median, restores.mean(),
                restores.percentile(0.9), settings.bands().timeToRestore(median), open);
    }

    /**
     * Time to resolve (metrics.md): incidents in scope by their OPERATIONS attribution that started in the window;
     * unresolved ones are open, listed by started, then id.
     */
    private static KpiReport.TimeToResolve timeToResolve(List<IncidentRecord> startedInWindow, Instant now) {
        List<Double> resolved = startedInWindow.stream()
                .filter(i -> i.resolved() != null)
                .map(i -> FailedChange.seconds(Duration.between(i.started(), i.resolved())))
                .toList();
        List<KpiReport.OpenIncident> open = startedInWindow.stream()
                .filter(i -> i.resolved() == null)
                .sorted(Comparator.comparing(IncidentRecord::started).thenComparing(IncidentRecord::id))
                .map(i -> new KpiReport.OpenIncident(i.id(), i.application(), i.started(),
                        FailedChange.seconds(Duration.between(i.started(), now))))
                .toList();
        Statistics resolutions = Statistics.of(resolved);
        return new KpiReport.TimeToResolve(resolved.size(), open.size(), resolutions.mean(),
                resolutions.median(), resolutions.percentile(0.9), open);
    }

    /**
     * The applications whose availability the scope answers for (metrics.md, availability): one application when
     * any stored event names it; for everything, those with a deployment (any result) finished in the window or an
     * incident overlapping it; for a team or supplier, those it operated: an assignment covering OPERATIONS that
     * overlaps the window, or an incident overlapping it attributed to it, and for {@code unassigned} every
     * application of the everything scope without such an assignment. Only those the filter keeps.
     */
    private static Set<String> operatedApplications(Scope scope, ScopeFilter filter, WindowData data,
            List<IncidentRecord> overlappingInScope, Map<String, Set<Responsibility>> assigned,
            KpiRepository repository, Instant from, Instant to) throws SQLException {
        Set<String> applications = new TreeSet<>();
        switch (scope.kind()) {
            case APPLICATION -> {
                if (repository.names(scope.name())) {
                    applications.add(scope.name());
                }
            }
            case ALL -> applications.addAll(everythingScope(data.window(), overlappingInScope));
            case TEAM, SUPPLIER -> {
                assigned.forEach((application, held) -> {
                    if (held.stream().anyMatch(Responsibility::coversOperations)) {
                        applications.add(application);
                    }
                });
                overlappingInScope.forEach(i -> applications.add(i.application()));
                if (Attribution.UNASSIGNED.equals(scope.name())) {
                    Set<String> unassigned = everythingScope(data.window(),
                            data.incidents().stream().filter(i -> i.overlaps(from, to)).toList());
                    unassigned.removeAll(repository.applicationsWithOperationsAssignment(from, to));
                    applications.addAll(unassigned);
                }
            }
        }
        applications.removeIf(application -> !filter.keeps(application));
        return applications;
    }

    /**
     * What the scope was responsible for in the window: the applications it delivered (a deployment of any result
     * finished in it), operated, or had an assignment for, and its responsibilities (metrics.md): those of its
     * assignments overlapping the window, plus DELIVERY when it delivered and OPERATIONS when it operated. Only
     * teams and suppliers hold responsibilities; every scope's applications are those it delivered or operated.
     */
    private static Responsible responsible(Scope scope, ScopeFilter filter, List<DeploymentRecord> deliveredInWindow,
            Set<String> operated, Map<String, Set<Responsibility>> assigned) {
        Set<String> applications = new TreeSet<>(operated);
        deliveredInWindow.forEach(d -> applications.add(d.application()));
        Set<Responsibility> held = EnumSet.noneOf(Responsibility.class);
        if (scope.kind() == Scope.Kind.TEAM || scope.kind() == Scope.Kind.SUPPLIER) {
            assigned.forEach((application, responsibilities) -> {
                if (filter.keeps(application)) {
                    applications.add(application);
                    held.addAll(responsibilities);
                }
            });
            if (!deliveredInWindow.isEmpty()) {
                held.add(Responsibility.DELIVERY);
            }
            if (!operated.isEmpty()) {
                held.add(Responsibility.OPERATIONS);
            }
        }
        return new Responsible(applications, held);
    }

    /** The applications a scope was responsible for and the responsibilities it held. */
    private record Responsible(Set<String> applications, Set<Responsibility> responsibilities) {
    }

    /** The everything scope's applications: a deployment (any result) finished in the window or an incident. */
    private static Set<String> everythingScope(List<DeploymentRecord> window, List<IncidentRecord> overlapping) {
        Set<String> applications = new TreeSet<>();
        window.forEach(d -> applications.add(d.application()));
        overlapping.forEach(i -> applications.add(i.application()));
        return applications;
    }

    /**
     * The mean of the applications' ratios, each 1 − downtime ÷ window length, computed exactly in microseconds
     * (metrics.md, "Gates"): (n × L − Σ downtime) ÷ (n × L). The worst application has the most downtime (ties:
     * first by name).
     */
    private static KpiReport.Availability availability(Set<String> applications, List<IncidentRecord> incidents,
            Instant from, Instant cutTo) {
        Duration length = Duration.between(from, cutTo);
        if (applications.isEmpty() || length.isNegative() || length.isZero()) {
            return new KpiReport.Availability(null, 0, applications.size(), null, null);
        }
        Map<String, List<IncidentRecord>> byApplication = incidents.stream()
                .collect(Collectors.groupingBy(IncidentRecord::application));
        Duration downtime = Duration.ZERO;
        String worst = null;
        Duration worstDowntime = null;
        for (String application : applications) {
            Duration down = Downtime.of(byApplication.getOrDefault(application, List.of()), from, cutTo);
            downtime = downtime.plus(down);
            if (worst == null || down.compareTo(worstDowntime) > 0) {
                worst = application;
                worstDowntime = down;
            }
        }
        BigDecimal whole = nanos(length).multiply(BigDecimal.valueOf(applications.size()));
        Fraction ratio = new Fraction(whole.subtract(nanos(downtime)), whole);
        return new KpiReport.Availability(ratio.doubleValue(), FailedChange.seconds(downtime), applications.size(),
                worst, ratio);
    }

    private static BigDecimal nanos(Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds()).multiply(BigDecimal.valueOf(1_000_000_000L))
                .add(BigDecimal.valueOf(duration.getNano()));
    }
}
