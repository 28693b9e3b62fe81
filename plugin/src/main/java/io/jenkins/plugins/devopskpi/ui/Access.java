package io.jenkins.plugins.devopskpi.ui;

import java.util.Locale;

/**
 * Who may do what: KPIs aggregate many jobs and need Overall/Read; what belongs to one job (its page action, its
 * column cell) needs Item/Read on that job; configuring storage and rules, and checking form values, need
 * Overall/Administer. The facade maps these to Jenkins permissions.
 */
public enum Access {
    OVERALL_READ, ITEM_READ, ADMINISTER;

    /** What the plugin does on behalf of a user. */
    public enum Operation { READ_KPIS, READ_JOB_KPIS, CONFIGURE, CHECK_FORM }

    public static Access required(Operation operation) {
        return switch (operation) {
            case READ_KPIS -> OVERALL_READ;
            case READ_JOB_KPIS -> ITEM_READ;
            case CONFIGURE, CHECK_FORM -> ADMINISTER;
        };
    }

    /** The operation a request under {@code /devops-kpi/} asks for; null when there is no such endpoint. */
    public static Operation operation(String method, String restOfPath) {
        String path = restOfPath == null ? "" : restOfPath.toLowerCase(Locale.ROOT);
        return "GET".equals(method) && path.matches("/api/v1/kpis/?") ? Operation.READ_KPIS : null;
    }
}
