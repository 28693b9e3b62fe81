package io.jenkins.plugins.devopskpi.ui;

import io.devopskpi.core.summary.KpiSummary;
import java.util.List;

/**
 * A {@link KpiSummary} as the views read it: Jelly's JEXL finds {@code getX()} and {@code isX()}, not a record's
 * {@code x()}, and core stays free of Jenkins' conventions.
 */
public final class SummaryRow {
    private final KpiSummary summary;

    private SummaryRow(KpiSummary summary) {
        this.summary = summary;
    }

    /** Null for null: a column cell of a job that deploys nothing known stays empty. */
    static SummaryRow of(KpiSummary summary) {
        return summary == null ? null : new SummaryRow(summary);
    }

    static List<SummaryRow> of(List<KpiSummary> summaries) {
        return summaries.stream().map(SummaryRow::new).toList();
    }

    public String getLabel() {
        return summary.label();
    }

    public String getDeploymentsPerWeek() {
        return summary.deploymentsPerWeek();
    }

    public String getChangeSuccessRate() {
        return summary.changeSuccessRate();
    }

    public String getLeadTime() {
        return summary.leadTime();
    }

    public String getTimeToRestore() {
        return summary.timeToRestore();
    }

    /** Why there are no figures (store unusable, application hidden from this reader); null when there are. */
    public String getError() {
        return summary.error();
    }

    /** Whether the figures are there: the views show them, else the error. */
    public boolean isAvailable() {
        return summary.error() == null;
    }
}
