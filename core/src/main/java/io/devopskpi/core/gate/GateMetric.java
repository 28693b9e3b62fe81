package io.devopskpi.core.gate;

import io.devopskpi.core.kpi.Fraction;
import io.devopskpi.core.kpi.KpiFigures;
import io.devopskpi.core.kpi.KpiReport;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Function;

/**
 * The KPIs a gate can put a threshold on (api.md, "Gate"), each with its value and its own sample size
 * (metrics.md, "Gates"). Availability has no sample size. Stakeholder satisfaction (samples: respondents) and
 * shared component use (samples: applications) come from beyond the KPI report, so values are read from
 * {@link KpiFigures}.
 */
public enum GateMetric {
    DEPLOYMENTS_PER_DAY("deploymentsPerDay", "deployments per day", Unit.NUMBER,
            f -> f.report().deploymentFrequency().perDay(), f -> f.report().deploymentFrequency().deployments(),
            "deployments"),
    DEPLOYMENTS_PER_WEEK("deploymentsPerWeek", "deployments per week", Unit.NUMBER,
            f -> f.report().deploymentFrequency().perWeek(), f -> f.report().deploymentFrequency().deployments(),
            "deployments"),
    MEDIAN_DEPLOYMENT_DAYS_PER_WEEK("medianDeploymentDaysPerWeek", "median deployment days per week", Unit.NUMBER,
            f -> f.report().deploymentFrequency().medianDeploymentDaysPerWeek(),
            f -> f.report().deploymentFrequency().deployments(), "deployments"),
    LEAD_TIME_MEDIAN("leadTimeMedian", "lead time (median)", Unit.SECONDS,
            f -> f.report().leadTime().medianSeconds(), f -> f.report().leadTime().count(), "changes"),
    LEAD_TIME_P90("leadTimeP90", "lead time (p90)", Unit.SECONDS,
            f -> f.report().leadTime().p90Seconds(), f -> f.report().leadTime().count(), "changes"),
    CHANGE_FAILURE_RATE("changeFailureRate", "change failure rate", Unit.FRACTION,
            f -> f.report().changeFailureRate().rate(), f -> f.report().changeFailureRate().total(), "deployments"),
    CHANGE_SUCCESS_RATE("changeSuccessRate", "change success rate", Unit.FRACTION,
            f -> f.report().changeSuccessRate().rate(), f -> f.report().changeFailureRate().total(), "deployments"),
    TIME_TO_RESTORE_MEDIAN("timeToRestoreMedian", "time to restore (median)", Unit.SECONDS,
            f -> f.report().timeToRestore().medianSeconds(), f -> f.report().timeToRestore().count(), "restores"),
    TIME_TO_RESTORE_MEAN("timeToRestoreMean", "time to restore (mean)", Unit.SECONDS,
            f -> f.report().timeToRestore().meanSeconds(), f -> f.report().timeToRestore().count(), "restores"),
    TIME_TO_DETECT_MEAN("timeToDetectMean", "time to detect (mean)", Unit.SECONDS,
            f -> f.report().timeToDetect().meanSeconds(), f -> f.report().timeToDetect().count(), "incidents"),
    TIME_TO_RESOLVE_MEAN("timeToResolveMean", "time to resolve (mean)", Unit.SECONDS,
            f -> f.report().timeToResolve().meanSeconds(), f -> f.report().timeToResolve().count(),
            "resolved incidents"),
    TIME_TO_RESOLVE_MEDIAN("timeToResolveMedian", "time to resolve (median)", Unit.SECONDS,
            f -> f.report().timeToResolve().medianSeconds(), f -> f.report().timeToResolve().count(),
            "resolved incidents"),
    REWORK_RATE("reworkRate", "rework rate", Unit.FRACTION,
            f -> f.report().reworkRate().rate(), f -> f.report().reworkRate().total(), "deployments"),
    AVAILABILITY("availability", "availability", Unit.FRACTION,
            f -> f.report().availability().ratio(), f -> null, null),
    STAKEHOLDER_SATISFACTION("stakeholderSatisfaction", "stakeholder satisfaction", Unit.NUMBER,
            f -> f.satisfaction().mean(), f -> f.satisfaction().respondents(), "respondents"),
    SHARED_COMPONENT_USE("sharedComponentUse", "shared component use", Unit.FRACTION,
            f -> f.components().sharedComponentUse(), f -> f.components().applications(), "applications");

    /** How a metric's values are read and written. */
    public enum Unit { NUMBER, FRACTION, SECONDS }

    private final String apiName;
    private final String label;
    private final Unit unit;
    private final Function<KpiFigures, Double> value;
    private final Function<KpiFigures, Integer> samples;
    private final String sampleNoun;

    GateMetric(String apiName, String label, Unit unit, Function<KpiFigures, Double> value,
            Function<KpiFigures, Integer> samples, String sampleNoun) {
        this.apiName = apiName;
        this.label = label;
        this.unit = unit;
        this.value = value;
        this.samples = samples;
        this.sampleNoun = sampleNoun;
    }

    /** The name in the API and in pipeline steps, e.g. {@code changeSuccessRate}. */
    public String apiName() {
        return apiName;
    }

    /** The name in messages, e.g. "change success rate". */
    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    /** What the samples of this metric are called ("deployments", "restores"), or null without a sample size. */
    public String sampleNoun() {
        return sampleNoun;
    }

    public Double valueIn(KpiFigures figures) {
        return value.apply(figures);
    }

    /** The sample size behind the value, or null for availability. */
    public Integer samplesIn(KpiFigures figures) {
        return samples.apply(figures);
    }

    /**
     * The value in the exact form thresholds are compared with (metrics.md, "Gates"), or null without a value: a
     * rate as the fraction of its counts, a per-day or per-week figure as deployments ÷ days (× 7), a duration as
     * whole microseconds, availability as the fraction of microseconds up.
     */
    public Fraction exactIn(KpiFigures figures) {
        if (valueIn(figures) == null) {
            return null;
        }
        KpiReport report = figures.report();
        return switch (this) {
            case DEPLOYMENTS_PER_DAY -> perDay(report, 1);
            case DEPLOYMENTS_PER_WEEK -> perDay(report, 7);
            case MEDIAN_DEPLOYMENT_DAYS_PER_WEEK -> Fraction.exactly(valueIn(figures));
            case CHANGE_FAILURE_RATE -> Fraction.of(report.changeFailureRate().failed(),
                    report.changeFailureRate().total());
            case CHANGE_SUCCESS_RATE -> Fraction.of(report.changeFailureRate().total()
                    - report.changeFailureRate().failed(), report.changeFailureRate().total());
            case REWORK_RATE -> Fraction.of(report.reworkRate().rework(), report.reworkRate().total());
            case AVAILABILITY -> report.availability().exactRatio();
            case SHARED_COMPONENT_USE -> Fraction.of(Math.round(valueIn(figures) * figures.components()
                    .applications()), figures.components().applications());
            case STAKEHOLDER_SATISFACTION -> Fraction.decimal(valueIn(figures));
            default -> unit == Unit.SECONDS ? Fraction.seconds(valueIn(figures)) : Fraction.decimal(valueIn(figures));
        };
    }

    /** deployments × factor ÷ (measured seconds ÷ 86,400); 0 over an empty window. */
    private static Fraction perDay(KpiReport report, int factor) {
        Duration measured = report.measured();
        if (measured.isZero() || measured.isNegative()) {
            return Fraction.of(0, 1);
        }
        BigDecimal nanos = BigDecimal.valueOf(measured.getSeconds()).movePointRight(9)
                .add(BigDecimal.valueOf(measured.getNano()));
        return new Fraction(BigDecimal.valueOf((long) report.deploymentFrequency().deployments() * factor)
                .multiply(NANOS_PER_DAY), nanos);
    }

    private static final BigDecimal NANOS_PER_DAY = BigDecimal.valueOf(86_400L).movePointRight(9);

    public static GateMetric byApiName(String name) {
        for (GateMetric metric : values()) {
            if (metric.apiName.equals(name)) {
                return metric;
            }
        }
        return null;
    }

    /** The API names, for error messages. */
    public static String apiNames() {
        StringBuilder names = new StringBuilder();
        for (GateMetric metric : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(metric.apiName);
        }
        return names.toString();
    }
}
