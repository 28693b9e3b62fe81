package io.jenkins.plugins.devopskpi.ui;

import hudson.Extension;
import hudson.model.RootAction;
import io.devopskpi.core.api.ApiAnswer;
import io.devopskpi.core.api.ApiJson;
import io.devopskpi.core.api.ApplicationAccess;
import io.devopskpi.core.embedded.EmbeddedKpis;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.store.StoreException;
import io.devopskpi.core.summary.KpiSummary;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import io.jenkins.plugins.devopskpi.Messages;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
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
 * {@code /devops-kpi/}: the organisation's KPIs, and the server's read API under {@code /devops-kpi/api/v1/}
 * (api.md), answered by core's read API with the caller's Jenkins permissions instead of tokens.
 */
@Extension
public final class KpiRootAction implements RootAction {
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

    /** For index.jelly: everything in production. */
    public KpiSummary getSummary() throws IOException {
        JenkinsFacade.check(Access.required(Access.Operation.READ_KPIS));
        var backend = KpiConfiguration.get().backend();
        return KpiSummary.of(Messages.RootAction_DisplayName(), Scope.all(), KpiQuery.DEFAULT_ENVIRONMENT,
                backend::kpis, Clock.systemUTC());
    }

    /** Every path below {@code /devops-kpi/} that no view answers. */
    public void doDynamic(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        String path = req.getRestOfPath();
        Access.Operation operation = Access.operation(req.getMethod(), path);
        if (operation == null) {
            write(rsp, ApiAnswer.json(404, ApiJson.error("Not Found")));
            return;
        }
        JenkinsFacade.check(Access.required(operation));
        write(rsp, api(Access.endpoint(path), parameters(req)));
    }

    /** Application-scoped answers also need Item/Read on every job that deployed the application. */
    private static ApiAnswer api(String endpoint, Map<String, List<String>> query) throws IOException {
        try {
            EmbeddedKpis kpis = KpiConfiguration.get().backend();
            if (!new ApplicationAccess(kpis.events()::pipelines, JenkinsFacade::mayReadJob).mayRead(query)) {
                return ApiAnswer.json(403, ApiJson.error(Messages.RootAction_ApplicationForbidden()));
            }
            return kpis.readApi().answer(endpoint, query);
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
