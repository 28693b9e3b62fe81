package io.jenkins.plugins.devopskpi.ui;

import hudson.Extension;
import hudson.model.RootAction;
import io.devopskpi.core.api.ApiAnswer;
import io.devopskpi.core.api.ApiJson;
import io.devopskpi.core.api.ApplicationAccess;
import io.devopskpi.core.dashboard.DashboardFile;
import io.devopskpi.core.dashboard.DashboardFiles;
import io.devopskpi.core.embedded.EmbeddedKpis;
import io.devopskpi.core.store.StoreException;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import io.jenkins.plugins.devopskpi.Messages;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * {@code /devops-kpi/}: the server's dashboard and its read API under {@code /devops-kpi/api/v1/} (api.md), both
 * from core, with the caller's Jenkins permissions instead of tokens. The pages chart with the echarts-api plugin's
 * ECharts.
 */
@Extension
public final class KpiRootAction implements RootAction {
    private static final DashboardFiles DASHBOARD = new DashboardFiles();
    /**
     * ECharts' UMD build as the echarts-api plugin serves it (below the context path): the pages chart with that
     * copy, so the hpi bundles none (plugin/pom.xml excludes the dashboard's WebJar).
     */
    static final String ECHARTS_API_SCRIPT = "/plugin/echarts-api/js/echarts.min.js";

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

    /** {@code /devops-kpi/}: the dashboard's overview page. */
    public void doIndex(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        if (!req.getRequestURI().endsWith("/")) { // the page's assets are relative to the folder
            rsp.sendRedirect2(req.getRequestURI() + "/");
            return;
        }
        doDynamic(req, rsp);
    }

    /**
     * Every other path below {@code /devops-kpi/}: the read API under {@code api/v1/}, else the dashboard's pages
     * and files (the same as the server's, reading this API). GET only; Overall/Read.
     */
    public void doDynamic(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        String path = req.getRestOfPath();
        Access.Operation operation = Access.operation(req.getMethod(), path);
        if (operation == null) {
            write(rsp, ApiAnswer.json(404, ApiJson.error("Not Found")));
            return;
        }
        JenkinsFacade.check(Access.required(operation));
        if (Access.isApi(path)) {
            write(rsp, api(Access.endpoint(path), parameters(req)));
            return;
        }
        Optional<DashboardFile> file = DASHBOARD.find(path);
        if (file.isEmpty()) {
            write(rsp, ApiAnswer.json(404, ApiJson.error("Not Found")));
            return;
        }
        serve(req, rsp, file.get().withApiBase(req.getContextPath() + "/" + getUrlName() + "/api/v1")
                .withChartsUrl(req.getContextPath() + ECHARTS_API_SCRIPT));
    }

    private static void serve(StaplerRequest2 req, StaplerResponse2 rsp, DashboardFile file) throws IOException {
        rsp.setHeader("Cache-Control", file.cacheControl());
        rsp.setHeader("ETag", file.etag());
        if (file.notModified(req.getHeader("If-None-Match"))) {
            rsp.setStatus(304);
            return;
        }
        rsp.setContentType(file.type());
        rsp.getOutputStream().write(file.body());
    }

    /**
     * Application-scoped answers also need Item/Read on every job that deployed the application; the application
     * list shows only such applications; lists of single deployments are answered for one application at a time.
     */
    private static ApiAnswer api(String endpoint, Map<String, List<String>> query) throws IOException {
        try {
            EmbeddedKpis kpis = KpiConfiguration.get().backend();
            ApplicationAccess access = new ApplicationAccess(kpis.events()::pipelines, JenkinsFacade::mayReadJob);
            if (ApplicationAccess.needsApplication(endpoint, query)) {
                return ApiAnswer.json(403, ApiJson.error(Messages.RootAction_RunListNeedsApplication()));
            }
            if (!access.mayRead(query)) {
                return ApiAnswer.json(403, ApiJson.error(Messages.RootAction_ApplicationForbidden()));
            }
            return kpis.readApi().answer(endpoint, query, access::mayReadApplication);
        } catch (StoreException e) {
            return ApiAnswer.json(503, ApiJson.error("the store is not usable right now, try again later"));
        }
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
