package io.jenkins.plugins.devopskpi.ui;

import hudson.model.Api;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * {@code /devops-kpi/api/}: Jenkins' remote API of the root page's lists ({@code api/json}, {@code api/xml}), and
 * below it, as before, the read API ({@code /devops-kpi/api/v1/…}): Stapler takes {@code getApi()} before the root
 * action's {@code doDynamic}, so this hands every other path back to it.
 */
public final class KpiApi extends Api {
    private final KpiRootAction root;

    KpiApi(KpiRootAction root, KpiLists lists) {
        super(lists);
        this.root = root;
    }

    /** {@code /devops-kpi/api/v1/…} and anything else below {@code api/} that Jenkins' API does not answer. */
    public void doDynamic(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException, ServletException {
        root.serve(belowRoot(req.getRestOfPath()), req, rsp);
    }

    /** The path below {@code /devops-kpi} of a path below {@code /devops-kpi/api}. */
    static String belowRoot(String restOfPath) {
        return "/api" + (restOfPath == null ? "" : restOfPath);
    }
}
