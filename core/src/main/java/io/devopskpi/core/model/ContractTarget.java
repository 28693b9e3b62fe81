package io.devopskpi.core.model;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.metric.Threshold;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * What a supplier promised: a KPI of its applications (all of them when {@code applications} is empty, else those
 * named, kept sorted and distinct) compared with a value, judged per review period once at least
 * {@code minSamples} samples exist. Effective over [from, to); {@code to} null means open-ended. Its key is
 * (supplier, applications, metric, from). {@code minSeverity}, when not null, counts only incidents of at least
 * that normalised severity in the target's incident-side KPIs, like the KPIs' {@code minSeverity} filter
 * (metrics.md, "Severity"); null counts every incident.
 */
public record ContractTarget(
        String supplier,
        List<String> applications,
        GateMetric metric,
        Operator operator,
        double value,
        int minSamples,
        ReviewPeriod period,
        Instant from,
        Instant to,
        Severity minSeverity) implements Event, EffectiveDated<ContractTarget> {

    public static final int MAX_APPLICATIONS = 50;

    public ContractTarget {
        String event = "target " + Checks.quote(supplier + "/" + (metric == null ? null : metric.apiName()) + "/"
                + from);
        from = Checks.micros(from);
        to = Checks.micros(to);
        supplier = Checks.required(supplier, "supplier", event, Checks.MAX_NAME);
        Checks.ownerName(supplier, "supplier", event);
        TreeSet<String> names = new TreeSet<>();
        List<String> given = applications == null ? List.of() : applications;
        if (given.size() > MAX_APPLICATIONS) {
            throw new InvalidEventException("applications", "applications must name at most " + MAX_APPLICATIONS
                    + " applications (" + event + "): " + given.size());
        }
        for (int i = 0; i < given.size(); i++) {
            names.add(Checks.required(given.get(i), "applications[" + i + "]", event, Checks.MAX_NAME));
        }
        if (applications != null && names.isEmpty()) {
            throw new InvalidEventException("applications", "applications must name at least one application, or "
                    + "be left out for all of the supplier's applications (" + event + ")");
        }
        if (names.size() > MAX_APPLICATIONS) {
            throw new InvalidEventException("applications", "applications must name at most " + MAX_APPLICATIONS
                    + " applications (" + event + "): " + names.size());
        }
        applications = List.copyOf(names);
        Checks.present(metric, "metric", event);
        Checks.present(operator, "operator", event);
        try {
            new Threshold(metric, operator, value, null);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("value", e.getMessage() + " (" + event + ")");
        }
        if (minSamples < 0) {
            throw new InvalidEventException("minSamples", "minSamples must not be negative (" + event + "): "
                    + minSamples);
        }
        Checks.present(period, "period", event);
        Checks.present(from, "from", event);
        if (to != null && !to.isAfter(from)) {
            throw new InvalidEventException("to", "to must be after from (" + event + "): " + to);
        }
        if (minSeverity == Severity.UNKNOWN) {
            throw new InvalidEventException("minSeverity", "minSeverity must be critical, major or minor (" + event
                    + "): unknown");
        }
    }

    /** A target over every incident, whatever its severity. */
    public ContractTarget(String supplier, List<String> applications, GateMetric metric, Operator operator,
            double value, int minSamples, ReviewPeriod period, Instant from, Instant to) {
        this(supplier, applications, metric, operator, value, minSamples, period, from, to, null);
    }

    /**
     * The minimum severity its KPIs are read with when a reader also asks for {@code filter} (null: none): the
     * stricter of the two, null when neither names one.
     */
    public Severity minSeverityWithin(Severity filter) {
        if (minSeverity == null || filter == null) {
            return minSeverity == null ? filter : minSeverity;
        }
        return minSeverity.atLeast(filter) ? minSeverity : filter;
    }

    @Override
    public String describe() {
        return "target " + Checks.quote(supplier + (applications.isEmpty() ? "" : " " + applications) + "/"
                + metric.apiName() + "/" + from);
    }

    /** Targets are about a supplier, not one application. */
    @Override
    public String application() {
        return null;
    }

    /** The gate threshold this target amounts to, with its own minimum sample size. */
    public Threshold threshold() {
        return new Threshold(metric, operator, value, minSamples);
    }

    /** Whether it is in force at the instant: from ≤ t < to. */
    public boolean inForceAt(Instant t) {
        return !t.isBefore(from) && (to == null || t.isBefore(to));
    }

    @Override
    public boolean sameKey(ContractTarget other) {
        return sameSubject(other) && from.equals(other.from);
    }

    /** Whether both would be in force at some instant for the same supplier, applications and metric. */
    @Override
    public boolean overlaps(ContractTarget other) {
        return sameSubject(other)
                && (other.to == null || from.isBefore(other.to))
                && (to == null || other.from.isBefore(to));
    }

    private boolean sameSubject(ContractTarget other) {
        return supplier.equals(other.supplier) && applications.equals(other.applications) && metric == other.metric;
    }
}
