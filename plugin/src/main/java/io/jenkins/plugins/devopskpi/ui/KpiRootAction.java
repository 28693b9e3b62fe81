package io.jenkins.plugins.devopskpi.ui;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import hudson.Extension;
import hudson.model.RootAction;
import io.devopskpi.core.json.KpiJson;
import io.devopskpi.core.kpi.InvalidQueryException;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiQueryParser;
import io.devopskpi.core.kpi.QueryError;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.summary.KpiSummary;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import io.jenkins.plugins.devopskpi.Messages;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * {@code /devops-kpi/}: the organisation's KPIs, and the server's read API under {@code /devops-kpi/api/v1/}
 * (api.md), answered by core with the caller's Jenkins permissions instead of tokens.
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
        Access.Operation operation = Access.operation(req.getMethod(), req.getRestOfPath());
        if (operation == null) {
            json(rsp, 404, error("no such endpoint: " + req.getMethod() + " " + req.getRestOfPath()));
            return;
        }
        JenkinsFacade.check(Access.required(operation));
        Map<String, List<String>> parameters = req.getParameterMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Arrays.asList(e.getValue())));
        try {
            KpiQuery query = KpiQueryParser.parse(parameters, Instant.now());
            json(rsp, 200, KpiJson.toJson(KpiConfiguration.get().backend().kpis().report(query)));
        } catch (InvalidQueryException e) {
            JsonObject body = new JsonObject();
            JsonArray errors = new JsonArray();
            for (QueryError error : e.errors()) {
                JsonObject item = new JsonObject();
                item.addProperty("field", error.field());
                item.addProperty("message", error.message());
                errors.add(item);
            }
            body.add("errors", errors);
            json(rsp, 400, body);
        } catch (IllegalArgumentException e) {
            json(rsp, 400, error(e.getMessage()));
        } catch (RuntimeException e) {
            json(rsp, 503, error("the store is not usable right now: " + e.getMessage()));
        }
    }

    private static JsonObject error(String message) {
        JsonObject json = new JsonObject();
        json.addProperty("error", message);
        return json;
    }

    private static void json(StaplerResponse2 rsp, int status, JsonObject body) throws IOException {
        rsp.setStatus(status);
        rsp.setContentType("application/json;charset=UTF-8");
        rsp.getOutputStream().write(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
