package io.jenkins.plugins.devopskpi.ui;

import hudson.Extension;
import hudson.model.UnprotectedRootAction;
import io.devopskpi.core.api.ApiAnswer;
import io.devopskpi.core.dashboard.DashboardFile;
import io.devopskpi.core.dashboard.DashboardFiles;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import io.jenkins.plugins.devopskpi.Messages;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import io.jenkins.plugins.devopskpi.hooks.KpiHooks;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * {@code /devops-kpi/}: the server's dashboard and its read API under {@code /devops-kpi/api/v1/} (api.md), both
 * from core, with the caller's Jenkins permissions instead of tokens ({@link KpiRoutes} decides, this carries it
 * over HTTP). The pages chart with the echarts-api plugin's ECharts.
 *
 * <p>An {@link UnprotectedRootAction}, so that alerting tools reach {@code hooks/} without a Jenkins user (Jenkins
 * then skips its own Overall/Read check for {@code /devops-kpi/}): every other entry point checks Overall/Read
 * itself.
 */
@Extension
public final class KpiRootAction implements UnprotectedRootAction {
    private static final FirstRun FIRST_RUN = new FirstRun();
    /** The read API from where the configuration reads: the store, or the central server (forwarded). */
    private static final KpiRoutes ROUTES = new KpiRoutes(new DashboardFiles(),
            () -> KpiConfiguration.get().reads());

    @Override
    public String getIconFileName() {
        return JenkinsFacade.has(Access.OVERALL_READ) ? "symbol-analytics" : null;
    }

    @Override
    public String getDisplayName() {
        return Messages.RootAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "devops-kpi";
    }

    /**
     * {@code /devops-kpi/}: the dashboard's overview page; while the store (or the central server) holds no data at
     * all, the first-run page that explains how to get data ({@link FirstRunPage}).
     */
    public void doIndex(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException, ServletException {
        if (!req.getRequestURI().endsWith("/")) { // the page's assets are relative to the folder
            rsp.sendRedirect2(req.getRequestURI() + "/");
            return;
        }
        KpiReader reader = JenkinsFacade.reader();
        if (!reader.mayReadOverall()) {
            JenkinsFacade.check(Access.OVERALL_READ);
        }
        if (FIRST_RUN.storeIsEmpty(() -> KpiConfiguration.get().reads())) {
            req.getView(new FirstRunPage(KpiHooks.unmapped().count(), reader.isAdministrator(),
                    KpiConfiguration.get().centralServer() != null), "index.jelly")
                    .forward(req, rsp);
            return;
        }
        doDynamic(req, rsp);
    }

    /**
     * {@code /devops-kpi/api/json}: the lists of the root page for the current user (see {@link KpiLists}); the
     * read API below {@code api/v1/} goes on through {@link KpiApi}.
     */
    public KpiApi getApi() {
        KpiReader reader = JenkinsFacade.reader();
        if (!reader.mayReadOverall()) {
            JenkinsFacade.check(Access.OVERALL_READ);
        }
        return new KpiApi(this, new KpiLists(() -> KpiConfiguration.get().reads(), reader, Clock.systemUTC()));
    }

    /** {@code /devops-kpi/hooks/<tool>}: the alerting webhooks, protected by their own token, not by Jenkins. */
    public KpiHooks getHooks() {
        return new KpiHooks();
    }

    /** {@code /devops-kpi/history/}: the import of existing builds, for administrators. */
    public HistoryPage getHistory() {
        JenkinsFacade.check(Access.ADMINISTER);
        return new HistoryPage();
    }

    /** Every other path below {@code /devops-kpi/}, as {@link KpiRoutes} answers it for the current user. */
    public void doDynamic(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException, ServletException {
        serve(req.getRestOfPath(), req, rsp);
    }

    /** The path below {@code /devops-kpi}, as {@link KpiRoutes} answers it for the current user. */
    void serve(String restOfPath, StaplerRequest2 req, StaplerResponse2 rsp) throws IOException, ServletException {
        KpiReader reader = JenkinsFacade.reader();
        if (!reader.mayReadOverall()) {
            JenkinsFacade.check(Access.OVERALL_READ); // throws: Jenkins offers an anonymous user its login page
        }
        KpiRoutes.Reply reply = ROUTES.reply(req.getMethod(), restOfPath, parameters(req), reader,
                req.getContextPath());
        if (reply instanceof KpiRoutes.Reply.File file) {
            serve(req, rsp, file.file());
        } else {
            write(rsp, ((KpiRoutes.Reply.Answer) reply).answer());
        }
    }

    /**
     * A page in the user's Jenkins theme ({@link DashboardPage}: rendered per request, so not revalidated by its
     * entity tag), every other file as it is.
     */
    private static void serve(StaplerRequest2 req, StaplerResponse2 rsp, DashboardFile file)
            throws IOException, ServletException {
        rsp.setHeader("Cache-Control", file.cacheControl());
        if (file.type().startsWith("text/html")) {
            req.getView(new DashboardPage(file), "index.jelly").forward(req, rsp);
            return;
        }
        rsp.setHeader("ETag", file.etag());
        if (file.notModified(req.getHeader("If-None-Match"))) {
            rsp.setStatus(304);
            return;
        }
        rsp.setContentType(file.type());
        rsp.getOutputStream().write(file.body());
    }

    private static Map<String, List<String>> parameters(StaplerRequest2 req) {
        return req.getParameterMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Arrays.asList(e.getValue())));
    }

    private static void write(StaplerResponse2 rsp, ApiAnswer answer) throws IOException {
        rsp.setStatus(answer.status());
        rsp.setContentType(answer.contentType());
        if (answer.attachment() != null) {
            rsp.setHeader("Content-Disposition", "attachment; filename=\"" + answer.attachment() + "\"");
        }
        rsp.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
    }
}
