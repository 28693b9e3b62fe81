package io.devopskpi.core.gate;

import io.devopskpi.core.kpi.KpiReport;
import java.util.function.Function;

/**
 * The KPIs a gate can put a threshold on (api.md, "Gate"), each with its value and its own sample size
 * (metrics.md, "Gates"). Availability has no sample size.
 */
public enum GateMetric {
    DEPLOYMENTS_PER_DAY("deploymentsPerDay", "deployments per day", Unit.NUMBER,
            r -> r.deploymentFrequency().perDay(), r -> r.deploymentFrequency().deployments(), "deployments"),
    DEPLOYMENTS_PER_WEEK("deploymentsPerWeek", "deployments per week", Unit.NUMBER,
            r -> r.deploymentFrequency().perWeek(), r -> r.deploymentFrequency().deployments(), "deployments"),
    MEDIAN_DEPLOYMENT_DAYS_PER_WEEK("medianDeploymentDaysPerWeek", "median deployment days per week", Unit.NUMBER,
            r -> r.deploymentFrequency().medianDeploymentDaysPerWeek(), r -> r.deploymentFrequency().deployments(),
            "deployments"),
    LEAD_TIME_MEDIAN("leadTimeMedian", "lead time (median)", Unit.SECONDS,
            r -> r.leadTime().medianSeconds(), r -> r.leadTime().count(), "changes"),
    LEAD_TIME_P90("leadTimeP90", "lead time (p90)", Unit.SECONDS,
            r -> r.leadTime().p90Seconds(), r -> r.leadTime().count(), "changes"),
    CHANGE_FAILURE_RATE("changeFailureRate", "change failure rate", Unit.FRACTION,
            r -> r.changeFailureRate().rate(), r -> r.changeFailureRate().total(), "deployments"),
    CHANGE_SUCCESS_RATE("changeSuccessRate", "change success rate", Unit.FRACTION,
            r -> r.changeSuccessRate().rate(), r -> r.changeFailureRate().total(), "deployments"),
    TIME_TO_RESTORE_MEDIAN("timeToRestoreMedian", "time to restore (median)", Unit.SECONDS,
            r -> r.timeToRestore().medianSeconds(), r -> r.timeToRestore().count(), "restores"),
    TIME_TO_RESTORE_MEAN("timeToRestoreMean", "time to restore (mean)", Unit.SECONDS,
            r -> r.timeToRestore().meanSeconds(), r -> r.timeToRestore().count(), "restores"),
    TIME_TO_DETECT_MEAN("timeToDetectMean", "time to detect (mean)", Unit.SECONDS,
            r -> r.timeToDetect().meanSeconds(), r -> r.timeToDetect().count(), "incidents"),
    REWORK_RATE("reworkRate", "rework rate", Unit.FRACTION,
            r -> r.reworkRate().rate(), r -> r.reworkRate().total(), "deployments"),
    AVAILABILITY("availability", "availability", Unit.FRACTION,
            r -> r.availability().ratio(), r -> null, null);

    /** How a metric's values are read and written. */
    public enum Unit { NUMBER, FRACTION, SECONDS }

    private final String apiName;
    private final String label;
    private final Unit unit;
    private final Function<KpiReport, Double> value;
    private final Function<KpiReport, Integer> samples;
    private final String sampleNoun;

    GateMetric(String apiName, String label, Unit unit, Function<KpiReport, Double> value,
            Function<KpiReport, Integer> samples, String sampleNoun) {
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

    public Double valueIn(KpiReport report) {
        return value.apply(report);
    }

    /** The sample size behind the value, or null for availability. */
    public Integer samplesIn(KpiReport report) {
        return samples.apply(report);
    }

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
