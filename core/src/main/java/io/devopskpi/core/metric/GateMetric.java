package io.devopskpi.core.metric;

/**
 * The KPIs a gate or a contract target can put a threshold on (api.md, "Gate"): the vocabulary at the bottom of
 * the engine, each metric with its name, label, unit and what its samples are called (metrics.md, "Gates").
 * Availability has no sample size. Where a value and its sample size are read from is the KPI engine's business
 * ({@code KpiFigures#value}).
 */
public enum GateMetric {
    DEPLOYMENTS_PER_DAY("deploymentsPerDay", "deployments per day", Unit.NUMBER, "deployments"),
    DEPLOYMENTS_PER_WEEK("deploymentsPerWeek", "deployments per week", Unit.NUMBER, "deployments"),
    MEDIAN_DEPLOYMENT_DAYS_PER_WEEK("medianDeploymentDaysPerWeek", "median deployment days per week", Unit.NUMBER,
            "deployments"),
    LEAD_TIME_MEDIAN("leadTimeMedian", "lead time (median)", Unit.SECONDS, "changes"),
    LEAD_TIME_P90("leadTimeP90", "lead time (p90)", Unit.SECONDS, "changes"),
    CHANGE_FAILURE_RATE("changeFailureRate", "change failure rate", Unit.FRACTION, "deployments"),
    CHANGE_SUCCESS_RATE("changeSuccessRate", "change success rate", Unit.FRACTION, "deployments"),
    TIME_TO_RESTORE_MEDIAN("timeToRestoreMedian", "time to restore (median)", Unit.SECONDS, "restores"),
    TIME_TO_RESTORE_MEAN("timeToRestoreMean", "time to restore (mean)", Unit.SECONDS, "restores"),
    TIME_TO_DETECT_MEAN("timeToDetectMean", "time to detect (mean)", Unit.SECONDS, "incidents"),
    TIME_TO_RESOLVE_MEAN("timeToResolveMean", "time to resolve (mean)", Unit.SECONDS, "resolved incidents"),
    TIME_TO_RESOLVE_MEDIAN("timeToResolveMedian", "time to resolve (median)", Unit.SECONDS, "resolved incidents"),
    REWORK_RATE("reworkRate", "rework rate", Unit.FRACTION, "deployments"),
    AVAILABILITY("availability", "availability", Unit.FRACTION, null),
    STAKEHOLDER_SATISFACTION("stakeholderSatisfaction", "stakeholder satisfaction", Unit.NUMBER, "respondents"),
    SHARED_COMPONENT_USE("sharedComponentUse", "shared component use", Unit.FRACTION, "applications");

    /** How a metric's values are read and written. */
    public enum Unit { NUMBER, FRACTION, SECONDS }

    private final String apiName;
    private final String label;
    private final Unit unit;
    private final String sampleNoun;

    GateMetric(String apiName, String label, Unit unit, String sampleNoun) {
        this.apiName = apiName;
        this.label = label;
        this.unit = unit;
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
