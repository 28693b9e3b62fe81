package io.devopskpi.core.export;

import io.devopskpi.core.kpi.KpiFigures;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiReport;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.query.ApplicationList;
import io.devopskpi.core.query.ApplicationSummary;
import io.devopskpi.core.query.EnvironmentList;
import io.devopskpi.core.query.SupplierKpis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The current KPIs as Prometheus gauges: over the last {@link #WINDOW}, for every environment with deployments,
 * per application ({@code devops_kpi_*}, labelled application, team, supplier by DELIVERY attribution now, and
 * environment) and per supplier ({@code devops_kpi_supplier_*}, labelled supplier and environment). An undefined
 * KPI has no sample: 0 would read as a measurement.
 */
public final class KpiMetrics {
    public static final Duration WINDOW = Duration.ofDays(30);
    private static final String PREFIX = "devops_kpi_";

    /** A KPI as a gauge: the name after the prefix (base units), its help, and its value in a report. */
    private enum Gauge {
        DEPLOYMENTS("deployments", "SUCCESS deployments in the last 30 days",
                r -> r.deploymentFrequency().deployments()),
        DEPLOYMENTS_PER_DAY("deployments_per_day", "SUCCESS deployments per day over the last 30 days",
                r -> r.deploymentFrequency().perDay()),
        LEAD_TIME_MEDIAN("lead_time_median_seconds", "Median lead time for changes",
                r -> r.leadTime().medianSeconds()),
        CHANGE_FAILURE_RATIO("change_failure_ratio", "Failed changes / change attempts",
                r -> r.changeFailureRate().rate()),
        CHANGE_ATTEMPTS("change_attempts", "SUCCESS and FAILURE deployments in the last 30 days",
                r -> r.changeFailureRate().total()),
        FAILED_CHANGES("failed_changes", "Failed changes in the last 30 days", r -> r.changeFailureRate().failed()),
        TIME_TO_RESTORE_MEDIAN("time_to_restore_median_seconds", "Median time to restore a failed change",
                r -> r.timeToRestore().medianSeconds()),
        TIME_TO_RESTORE_MEAN("time_to_restore_mean_seconds", "Mean time to restore a failed change (MTTR)",
                r -> r.timeToRestore().meanSeconds()),
        OPEN_FAILURES("open_failures", "Failed changes not restored yet", r -> r.timeToRestore().open()),
        TIME_TO_DETECT_MEAN("time_to_detect_mean_seconds", "Mean time from incident start to detection",
                r -> r.timeToDetect().meanSeconds()),
        TIME_TO_RESOLVE_MEAN("time_to_resolve_mean_seconds", "Mean time from incident start to its resolution",
                r -> r.timeToResolve().meanSeconds()),
        TIME_TO_RESOLVE_MEDIAN("time_to_resolve_median_seconds", "Median time from incident start to its resolution",
                r -> r.timeToResolve().medianSeconds()),
        OPEN_INCIDENTS("open_incidents", "Incidents started in the last 30 days and not resolved yet",
                r -> r.timeToResolve().open()),
        AVAILABILITY("availability_ratio", "1 - downtime / window length", r -> r.availability().ratio());

        final String suffix;
        final String help;
        final Function<KpiReport, Number> value;

        Gauge(String suffix, String help, Function<KpiReport, Number> value) {
            this.suffix = suffix;
            this.help = help;
            this.value = value;
        }
    }

    private final KpiService kpis;
    private final EnvironmentList environments;
    private final ApplicationList applications;
    private final SupplierKpis suppliers;
    private final Clock clock;

    public KpiMetrics(KpiService kpis, EnvironmentList environments, ApplicationList applications,
            SupplierKpis suppliers, Clock clock) {
        this.kpis = kpis;
        this.environments = environments;
        this.applications = applications;
        this.suppliers = suppliers;
        this.clock = clock;
    }

    /** The application families, then the supplier families, each in {@link Gauge} order. */
    public List<MetricFamily> collect() {
        Instant now = clock.instant();
        Map<Gauge, List<MetricSample>> perApplication = new LinkedHashMap<>();
        Map<Gauge, List<MetricSample>> perSupplier = new LinkedHashMap<>();
        for (String environment : environments.withDeployments()) {
            KpiQuery query = KpiQuery.ending(Scope.all(), environment, now, WINDOW, ZoneOffset.UTC);
            for (ApplicationSummary application : applications.all(query)) {
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("application", application.application());
                labels.put("team", application.delivery().team());
                labels.put("supplier", application.delivery().supplier());
                labels.put("environment", environment);
                add(perApplication, kpis.report(query.withScope(Scope.application(application.application()))),
                        labels);
            }
            for (KpiFigures figures : suppliers.reports(query)) {
                KpiReport report = figures.report();
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("supplier", report.query().scope().name());
                labels.put("environment", environment);
                add(perSupplier, report, labels);
            }
        }
        List<MetricFamily> families = new ArrayList<>();
        for (Gauge gauge : Gauge.values()) {
            families.add(new MetricFamily(PREFIX + gauge.suffix, gauge.help,
                    perApplication.getOrDefault(gauge, List.of())));
        }
        for (Gauge gauge : Gauge.values()) {
            families.add(new MetricFamily(PREFIX + "supplier_" + gauge.suffix, gauge.help + ", per supplier",
                    perSupplier.getOrDefault(gauge, List.of())));
        }
        return families;
    }

    private static void add(Map<Gauge, List<MetricSample>> samples, KpiReport report, Map<String, String> labels) {
        for (Gauge gauge : Gauge.values()) {
            Number value = gauge.value.apply(report);
            if (value != null) {
                samples.computeIfAbsent(gauge, g -> new ArrayList<>())
                        .add(new MetricSample(labels, value.doubleValue()));
            }
        }
    }
}
