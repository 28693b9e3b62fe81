package io.devopskpi.core.json;

import static io.devopskpi.core.json.JsonValues.instant;
import static io.devopskpi.core.json.JsonValues.number;
import static io.devopskpi.core.json.JsonValues.text;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.devopskpi.core.governance.TargetVerdict;
import io.devopskpi.core.kpi.Bucket;
import io.devopskpi.core.kpi.FailedChangeView;
import io.devopskpi.core.kpi.FailureReason;
import io.devopskpi.core.kpi.KpiFigures;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiReport;
import io.devopskpi.core.query.ApplicationSummary;
import io.devopskpi.core.query.DeploymentEntry;
import io.devopskpi.core.query.IncidentEntry;
import io.devopskpi.core.query.Owner;
import io.devopskpi.core.query.ResultPage;
import io.devopskpi.core.query.TeamSummary;
import io.devopskpi.core.store.Voided;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Function;

/**
 * The JSON of the dashboard's lists and KPI series (DASHBOARD-CONTRACT.md): a page is
 * {@code {"<items>": [...], "total": N, "offset": O, "limit": L}}; instants are ISO strings, durations seconds,
 * undefined values null. Names are written as stored: escaping them is the page's job, not the API's.
 */
public final class ListJson {
    private ListJson() {
    }

    public static JsonObject trend(KpiQuery query, Bucket bucket, List<KpiReport> reports) {
        JsonObject json = new JsonObject();
        json.add("scope", KpiJson.scope(query));
        json.add("window", KpiJson.window(query));
        json.addProperty("bucket", bucket.name().toLowerCase(Locale.ROOT));
        JsonArray buckets = new JsonArray();
        for (KpiReport report : reports) {
            JsonObject item = new JsonObject();
            item.addProperty("from", report.query().from().toString());
            item.addProperty("to", report.query().to().toString());
            item.add("kpis", KpiJson.kpisOnly(report));
            buckets.add(item);
        }
        json.add("buckets", buckets);
        return json;
    }

    /**
     * Each supplier with its KPIs (with their {@code window}, as {@code /kpis} gives it, so an entry read on its own
     * says what it covers) and the contract targets in force at the window's start, each judged over the window
     * ({@code verdicts} gives them per supplier name).
     */
    public static JsonObject suppliers(KpiQuery query, List<KpiFigures> reports,
            Function<String, List<TargetVerdict>> verdicts) {
        JsonObject json = new JsonObject();
        json.add("window", KpiJson.window(query));
        json.addProperty("environment", query.environment());
        JsonArray suppliers = new JsonArray();
        for (KpiFigures figures : reports) {
            KpiReport report = figures.report();
            JsonObject item = new JsonObject();
            item.addProperty("supplier", report.query().scope().name());
            JsonArray responsibilities = new JsonArray();
            figures.responsibilities().forEach(r -> responsibilities.add(r.name()));
            item.add("responsibilities", responsibilities);
            JsonObject kpis = new JsonObject();
            kpis.add("window", KpiJson.window(report.query()));
            KpiJson.kpisOnly(report).entrySet().forEach(e -> kpis.add(e.getKey(), e.getValue()));
            item.add("kpis", kpis);
            List<TargetVerdict> judged = verdicts.apply(report.query().scope().name());
            JsonArray targets = new JsonArray();
            judged.forEach(v -> targets.add(GovernanceJson.target(v.target())));
            item.add("targets", targets);
            item.add("verdicts", GovernanceJson.verdicts(judged));
            suppliers.add(item);
        }
        json.add("suppliers", suppliers);
        return json;
    }

    /** @param tags each application's tags (absent: none) */
    public static JsonObject applications(ResultPage<ApplicationSummary> page, Map<String, List<String>> tags) {
        return page("applications", page, a -> {
            JsonObject json = new JsonObject();
            json.addProperty("application", a.application());
            JsonArray tagList = new JsonArray();
            tags.getOrDefault(a.application(), List.of()).forEach(tagList::add);
            json.add("tags", tagList);
            json.add("delivery", owner(a.delivery()));
            json.add("operations", owner(a.operations()));
            json.addProperty("deployments", a.deployments());
            json.add("lastDeployment", instant(a.lastDeployment()));
            return json;
        });
    }

    public static JsonObject teams(ResultPage<TeamSummary> page) {
        return page("teams", page, t -> {
            JsonObject json = new JsonObject();
            json.addProperty("team", t.team());
            JsonArray applications = new JsonArray();
            t.applications().forEach(applications::add);
            json.add("applications", applications);
            return json;
        });
    }

    public static JsonObject deployments(ResultPage<DeploymentEntry> page) {
        return page("deployments", page, d -> {
            JsonObject json = new JsonObject();
            json.addProperty("id", d.id());
            json.addProperty("application", d.application());
            json.addProperty("environment", d.environment());
            json.addProperty("started", d.started().toString());
            json.addProperty("finished", d.finished().toString());
            json.addProperty("result", d.resultName());
            json.addProperty("kind", d.kindName());
            json.add("revision", text(d.revision()));
            json.add("pipeline", text(d.pipeline()));
            json.add("url", text(d.url()));
            json.addProperty("imported", d.imported());
            json.addProperty("team", d.delivery().team());
            json.addProperty("supplier", d.delivery().supplier());
            json.addProperty("changes", d.changes());
            json.addProperty("failedChange", d.isFailedChange());
            json.add("failureReasons", reasons(d.isFailedChange() ? d.failure().reasons() : List.of()));
            json.add("restoreSeconds", number(d.isFailedChange() ? d.failure().restoreSeconds() : null));
            addVoided(json, d.voided());
            return json;
        });
    }

    public static JsonObject failedChanges(ResultPage<FailedChangeView> page) {
        return page("failedChanges", page, f -> {
            JsonObject json = new JsonObject();
            json.addProperty("deployment", f.deployment());
            json.addProperty("application", f.application());
            json.addProperty("finished", f.finished().toString());
            json.addProperty("failureStart", f.failureStart().toString());
            json.add("restored", instant(f.restored()));
            json.add("restoreSeconds", number(f.restoreSeconds()));
            json.add("reasons", reasons(f.reasons()));
            json.add("linkingIncident", text(f.linkingIncident()));
            json.addProperty("deliveryTeam", f.deliveryTeam());
            json.addProperty("deliverySupplier", f.deliverySupplier());
            json.addProperty("restoreTeam", f.restoreTeam());
            json.addProperty("restoreSupplier", f.restoreSupplier());
            return json;
        });
    }

    public static JsonObject incidents(ResultPage<IncidentEntry> page) {
        return page("incidents", page, i -> {
            JsonObject json = new JsonObject();
            json.addProperty("id", i.id());
            json.addProperty("application", i.application());
            json.addProperty("environment", i.environment());
            json.addProperty("started", i.started().toString());
            json.add("detected", instant(i.detected()));
            json.add("resolved", instant(i.resolved()));
            json.add("severity", text(i.severity()));
            json.addProperty("severityLevel", i.severityLevel().apiName());
            json.add("cause", text(i.cause()));
            json.addProperty("team", i.operations().team());
            json.addProperty("supplier", i.operations().supplier());
            json.add("detectSeconds", number(i.detectSeconds()));
            json.add("durationSeconds", number(i.durationSeconds()));
            addVoided(json, i.voided());
            return json;
        });
    }

    /**
     * {@code "voided": {"reason", "at", "by"}} on a voided deployment or incident (api.md, "Void and unvoid"); an
     * entry that is not voided has no such key, so answers without voided events are as they were.
     */
    private static void addVoided(JsonObject json, Voided voided) {
        if (voided == null) {
            return;
        }
        JsonObject mark = new JsonObject();
        mark.addProperty("reason", voided.reason());
        mark.addProperty("at", voided.at().toString());
        mark.add("by", text(voided.by()));
        json.add("voided", mark);
    }

    private static <T> JsonObject page(String name, ResultPage<T> page, Function<T, JsonObject> item) {
        JsonArray items = new JsonArray();
        page.items().forEach(i -> items.add(item.apply(i)));
        JsonObject json = new JsonObject();
        json.add(name, items);
        json.addProperty("total", page.total());
        json.addProperty("offset", page.page().offset());
        json.addProperty("limit", page.page().limit());
        return json;
    }

    private static JsonObject owner(Owner owner) {
        JsonObject json = new JsonObject();
        json.addProperty("team", owner.team());
        json.addProperty("supplier", owner.supplier());
        return json;
    }

    private static JsonArray reasons(List<FailureReason> reasons) {
        JsonArray json = new JsonArray();
        reasons.forEach(r -> json.add(r.name()));
        return json;
    }
}
