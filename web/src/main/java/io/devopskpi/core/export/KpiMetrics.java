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
 * Every KPI of {@code /kpis} as a Prometheus gauge, over the window ending now, for every environment with
 * deployments: per application ({@code devops_kpi_*}, labelled application, delivery_supplier, delivery_team,
 * operations_supplier, operations_team (the assignments now), environment and window) and per supplier
 * ({@code devops_kpi_supplier_*}, labelled supplier, environment and window). Each value equals the one
 * {@code /kpis} answers for the same scope, environment and window. An undefined KPI has no sample: 0 would read as a
 * measurement.
 */
public final class KpiMetrics {
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    private static final String PREFIX = "devops_kpi_";

    /** A KPI as a gauge: the name after the prefix (base units), its help, and its value in a report. */
    private enum Gauge {
        DEPLOYMENTS("deployments", "SUCCESS deployments in the window", r -> r.deploymentFrequency().deployments()),
        DEPLOYMENTS_PER_DAY("deployments_per_day", "SUCCESS deployments per day over the window",
                r -> r.deploymentFrequency().perDay()),
        // /kpis' medianDeploymentDaysPerWeek: "dates", because promtool reads "days" as a unit that is not the base
        DEPLOYMENT_DAYS_PER_WEEK("deployment_dates_per_week_median",
                "Median over the window's ISO weeks of the dates with a SUCCESS deployment",
                r -> r.deploymentFrequency().medianDeploymentDaysPerWeek()),
        DEPLOYMENT_DAYS_PER_MONTH("deployment_dates_per_month_median",
                "Median over the window's calendar months of the dates with a SUCCESS deployment",
                r -> r.deploymentFrequency().medianDeploymentDaysPerMonth()),
        LEAD_TIME_CHANGES("lead_time_changes", "Changes measured for lead time", r -> r.leadTime().count()),
        LEAD_TIME_MEDIAN("lead_time_median_seconds", "Median lead time for changes",
                r -> r.leadTime().medianSeconds()),
        LEAD_TIME_P90("lead_time_p90_seconds", "90th percentile of the lead time for changes",
                r -> r.leadTime().p90Seconds()),
        LEAD_TIME_MEAN("lead_time_mean_seconds", "Mean lead time for changes", r -> r.leadTime().meanSeconds()),
        CHANGE_FAILURE_RATIO("change_failure_ratio", "Failed changes / change attempts",
                r -> r.changeFailureRate().rate()),
        CHANGE_SUCCESS_RATIO("change_success_ratio", "(Change attempts - failed changes) / change attempts",
                r -> r.changeSuccessRate().rate()),
        CHANGE_ATTEMPTS("change_attempts", "SUCCESS and FAILURE deployments in the window",
                r -> r.changeFailureRate().total()),
        FAILED_CHANGES("failed_changes", "Failed changes in the window", r -> r.changeFailureRate().failed()),
        TIME_TO_RESTORE_MEDIAN("time_to_restore_median_seconds", "Median time to restore a failed change",
                r -> r.timeToRestore().medianSeconds()),
        TIME_TO_RESTORE_MEAN("time_to_restore_mean_seconds", "Mean time to restore a failed change (MTTR)",
                r -> r.timeToRestore().meanSeconds()),
        TIME_TO_RESTORE_P90("time_to_restore_p90_seconds", "90th percentile of the time to restore a failed change",
                r -> r.timeToRestore().p90Seconds()),
        OPEN_FAILURES("open_failures", "Failed changes not restored yet", r -> r.timeToRestore().open()),
        TIME_TO_DETECT_MEAN("time_to_detect_mean_seconds", "Mean time from incident start to detection",
                r -> r.timeToDetect().meanSeconds()),
        TIME_TO_DETECT_MEDIAN("time_to_detect_median_seconds", "Median time from incident start to detection",
                r -> r.timeToDetect().medianSeconds()),
        TIME_TO_RESOLVE_MEAN("time_to_resolve_mean_seconds", "Mean time from incident start to its resolution",
                r -> r.timeToResolve().meanSeconds()),
        TIME_TO_RESOLVE_MEDIAN("time_to_resolve_median_seconds", "Median time from incident start to its resolution",
                r -> r.timeToResolve().medianSeconds()),
        TIME_TO_RESOLVE_P90("time_to_resolve_p90_seconds",
                "90th percentile of the time from incident start to its resolution",
                r -> r.timeToResolve().p90Seconds()),
        OPEN_INCIDENTS("open_incidents", "Incidents started in the window and not resolved yet",
                r -> r.timeToResolve().open()),
        REWORK_RATIO("rework_ratio", "SUCCESS deployments that were rework (hotfix, rollback, during an incident) "
                + "/ SUCCESS deployments", r -> r.reworkRate().rate()),
        AVAILABILITY("availability_ratio", "1 - downtime / window length", r -> r.availability().ratio()),
        // the downtime of a scope without applications is 0 in /kpis but means nothing, like its null ratio
        DOWNTIME("availability_downtime_seconds", "Incident downtime in the window",
                r -> r.availability().ratio() == null ? null : r.availability().downtimeSeconds());

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
    private final Duration window;
    private final String windowLabel;

    public KpiMetrics(KpiService kpis, EnvironmentList environments, ApplicationList applications,
            SupplierKpis suppliers, Clock clock, Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the metrics window must be longer than zero: " + window);
        }
        this.kpis = kpis;
        this.environments = environments;
        this.applications = applications;
        this.suppliers = suppliers;
        this.clock = clock;
        this.window = window;
        this.windowLabel = label(window);
    }

    /** The window as Prometheus writes durations: {@code 30d}, {@code 12h}, {@code 90m}, {@code 45s}. */
    static String label(Duration window) {
        long seconds = window.getSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        } else if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        } else if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    /** The application families, then the supplier families (in {@link Gauge} order, then satisfaction). */
    public List<MetricFamily> collect() {
        Instant now = clock.instant();
        Map<Gauge, List<MetricSample>> perApplication = new LinkedHashMap<>();
        Map<Gauge, List<MetricSample>> perSupplier = new LinkedHashMap<>();
        List<MetricSample> satisfaction = new ArrayList<>();
        for (String environment : environments.withDeployments()) {
            KpiQuery query = KpiQuery.ending(Scope.all(), environment, now, window, ZoneOffset.UTC);
            for (ApplicationSummary application : applications.all(query)) {
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("application", application.application());
                labels.put("delivery_supplier", application.delivery().supplier());
                labels.put("delivery_team", application.delivery().team());
                labels.put("operations_supplier", application.operations().supplier());
                labels.put("operations_team", application.operations().team());
                labels.put("environment", environment);
                labels.put("window", windowLabel);
                add(perApplication, kpis.report(query.withScope(Scope.application(application.application()))),
                        labels);
            }
            for (KpiFigures figures : suppliers.reports(query)) {
                KpiReport report = figures.report();
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("supplier", report.query().scope().name());
                labels.put("environment", environment);
                labels.put("window", windowLabel);
                add(perSupplier, report, labels);
                if (figures.satisfaction().mean() != null) {
                    satisfaction.add(new MetricSample(labels, figures.satisfaction().mean()));
                }
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
        families.add(new MetricFamily(PREFIX + "supplier_stakeholder_satisfaction",
                "Respondent-weighted mean survey score (1 to 5) of the surveys overlapping the window, per supplier",
                satisfaction));
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
