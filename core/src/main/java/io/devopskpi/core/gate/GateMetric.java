package io.devopskpi.core.gate;

import io.devopskpi.core.kpi.KpiFigures;
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
