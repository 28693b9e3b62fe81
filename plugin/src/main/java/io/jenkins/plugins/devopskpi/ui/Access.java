package io.jenkins.plugins.devopskpi.ui;

/**
 * Who may do what: KPIs aggregate many jobs and need Overall/Read (answers about one application also need
 * Item/Read on the jobs that deployed it, see core's ApplicationAccess); what belongs to one job (its page
 * action, its column cell) needs Item/Read on that job; configuring storage and rules, and checking form values,
 * need Overall/Administer; a Pipeline step's drop-downs and checks (the Pipeline Syntax page) need Item/Configure on
 * the job whose page asks, or anywhere when no job does. The facade maps these to Jenkins permissions.
 */
public enum Access {
    OVERALL_READ, ITEM_READ, ITEM_CONFIGURE, ADMINISTER;

    private static final String API = "/api/v1/";

    /** What the plugin does on behalf of a user. */
    public enum Operation { READ_KPIS, READ_JOB_KPIS, CONFIGURE, CHECK_FORM, CHECK_STEP_FORM }

    public static Access required(Operation operation) {
        return switch (operation) {
            case READ_KPIS -> OVERALL_READ;
            case READ_JOB_KPIS -> ITEM_READ;
            case CONFIGURE, CHECK_FORM -> ADMINISTER;
            case CHECK_STEP_FORM -> ITEM_CONFIGURE;
        };
    }

    /**
     * The operation a request under {@code /devops-kpi/} asks for: every GET reads KPIs (the read API, or the
     * dashboard's pages and files, which show nothing but what the API answers); null for anything else.
     */
    public static Operation operation(String method, String restOfPath) {
        return "GET".equals(method) && restOfPath != null && !(isApi(restOfPath) && endpoint(restOfPath).isEmpty())
                ? Operation.READ_KPIS : null;
    }

    public static boolean isApi(String restOfPath) {
        return restOfPath.startsWith(API);
    }

    /** The read API's endpoint name of a path below {@code /devops-kpi/}, e.g. {@code kpis} or {@code export.csv}. */
    public static String endpoint(String restOfPath) {
        String endpoint = restOfPath.substring(API.length());
        return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }
}
