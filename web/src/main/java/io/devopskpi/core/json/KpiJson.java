package io.devopskpi.core.json;

import static io.devopskpi.core.json.JsonValues.interval;
import static io.devopskpi.core.json.JsonValues.number;
import static io.devopskpi.core.json.JsonValues.text;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.devopskpi.core.kpi.Band;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiReport;
import io.devopskpi.core.kpi.Scope;

/** The JSON form of a {@link KpiReport}, exactly as api.md names it (null for undefined values). */
public final class KpiJson {
    private KpiJson() {
    }

    public static JsonObject toJson(KpiReport report) {
        JsonObject json = new JsonObject();
        json.add("scope", scope(report.query()));
        json.add("window", window(report.query()));
        json.add("deploymentFrequency", deploymentFrequency(report.deploymentFrequency()));
        json.add("leadTime", leadTime(report.leadTime()));
        json.add("changeFailureRate", changeFailureRate(report.changeFailureRate()));
        json.add("changeSuccessRate", changeSuccessRate(report.changeSuccessRate()));
        json.add("timeToRestore", timeToRestore(report.timeToRestore()));
        json.add("timeToDetect", timeToDetect(report.timeToDetect()));
        json.add("timeToResolve", timeToResolve(report.timeToResolve()));
        json.add("reworkRate", reworkRate(report.reworkRate()));
        json.add("availability", availability(report.availability()));
        return json;
    }

    /** The KPI objects only, without scope and window (trend buckets, supplier lists). */
    public static JsonObject kpisOnly(KpiReport report) {
        JsonObject json = toJson(report);
        json.remove("scope");
        json.remove("window");
        return json;
    }

    /** Platform re-use as api.md answers it ({@code GET /api/v1/components}), with scope and window. */
    public static JsonObject components(io.devopskpi.core.kpi.ComponentReport report) {
        JsonObject json = new JsonObject();
        json.add("scope", scope(report.query()));
        json.add("window", window(report.query()));
        JsonArray components = new JsonArray();
        for (io.devopskpi.core.kpi.ComponentReport.ComponentUse use : report.components()) {
            JsonObject item = new JsonObject();
            item.addProperty("name", use.name());
            item.addProperty("applications", use.applications());
            JsonObject versions = new JsonObject();
            use.versions().forEach(versions::addProperty);
            item.add("versions", versions);
            item.addProperty("newestVersion", use.newestVersion());
            item.add("onNewest", number(use.onNewest()));
            item.addProperty("shared", use.shared());
            components.add(item);
        }
        json.add("components", components);
        json.addProperty("applications", report.applications());
        json.add("sharedComponentUse", number(report.sharedComponentUse()));
        return json;
    }

    public static JsonObject scope(KpiQuery query) {
        JsonObject json = new JsonObject();
        Scope scope = query.scope();
        if (scope.kind() != Scope.Kind.ALL) {
            json.addProperty(scope.parameter(), scope.name());
        }
        json.addProperty("environment", query.environment());
        return json;
    }

    public static JsonObject window(KpiQuery query) {
        JsonObject json = new JsonObject();
        json.addProperty("from", query.from().toString());
        json.addProperty("to", query.to().toString());
        json.addProperty("zone", query.zone().getId());
        return json;
    }

    private static JsonObject deploymentFrequency(KpiReport.DeploymentFrequency df) {
        JsonObject json = new JsonObject();
        json.addProperty("deployments", df.deployments());
        json.addProperty("perDay", df.perDay());
        json.addProperty("perWeek", df.perWeek());
        json.addProperty("medianDeploymentDaysPerWeek", df.medianDeploymentDaysPerWeek());
        json.addProperty("medianDeploymentDaysPerMonth", df.medianDeploymentDaysPerMonth());
        json.add("band", band(df.band()));
        return json;
    }

    private static JsonObject leadTime(KpiReport.LeadTime lt) {
        JsonObject json = new JsonObject();
        json.addProperty("count", lt.count());
        json.addProperty("skipped", lt.skipped());
        json.add("medianSeconds", number(lt.medianSeconds()));
        json.add("p90Seconds", number(lt.p90Seconds()));
        json.add("meanSeconds", number(lt.meanSeconds()));
        json.add("band", band(lt.band()));
        return json;
    }

    private static JsonObject changeFailureRate(KpiReport.ChangeFailureRate cfr) {
        JsonObject json = new JsonObject();
        json.addProperty("failed", cfr.failed());
        json.addProperty("total", cfr.total());
        json.add("rate", number(cfr.rate()));
        json.add("ci95", interval(cfr.ci95()));
        json.add("band", band(cfr.band()));
        return json;
    }

    private static JsonObject changeSuccessRate(KpiReport.ChangeSuccessRate csr) {
        JsonObject json = new JsonObject();
        json.add("rate", number(csr.rate()));
        json.add("ci95", interval(csr.ci95()));
        return json;
    }

    private static JsonObject timeToRestore(KpiReport.TimeToRestore ttr) {
        JsonObject json = new JsonObject();
        json.addProperty("count", ttr.count());
        json.addProperty("open", ttr.open());
        json.add("medianSeconds", number(ttr.medianSeconds()));
        json.add("meanSeconds", number(ttr.meanSeconds()));
        json.add("p90Seconds", number(ttr.p90Seconds()));
        json.add("band", band(ttr.band()));
        JsonArray open = new JsonArray();
        for (KpiReport.OpenFailure failure : ttr.openFailures()) {
            JsonObject item = new JsonObject();
            item.addProperty("deployment", failure.deployment());
            item.addProperty("application", failure.application());
            item.addProperty("failureStart", failure.failureStart().toString());
            item.addProperty("ageSeconds", failure.ageSeconds());
            open.add(item);
        }
        json.add("openFailures", open);
        return json;
    }

    private static JsonObject timeToDetect(KpiReport.TimeToDetect ttd) {
        JsonObject json = new JsonObject();
        json.addProperty("count", ttd.count());
        json.add("meanSeconds", number(ttd.meanSeconds()));
        json.add("medianSeconds", number(ttd.medianSeconds()));
        return json;
    }

    private static JsonObject timeToResolve(KpiReport.TimeToResolve ttr) {
        JsonObject json = new JsonObject();
        json.addProperty("count", ttr.count());
        json.addProperty("open", ttr.open());
        json.add("meanSeconds", number(ttr.meanSeconds()));
        json.add("medianSeconds", number(ttr.medianSeconds()));
        json.add("p90Seconds", number(ttr.p90Seconds()));
        JsonArray open = new JsonArray();
        for (KpiReport.OpenIncident incident : ttr.openIncidents()) {
            JsonObject item = new JsonObject();
            item.addProperty("incident", incident.incident());
            item.addProperty("application", incident.application());
            item.addProperty("started", incident.started().toString());
            item.addProperty("ageSeconds", incident.ageSeconds());
            open.add(item);
        }
        json.add("openIncidents", open);
        return json;
    }

    private static JsonObject reworkRate(KpiReport.ReworkRate rework) {
        JsonObject json = new JsonObject();
        json.addProperty("rework", rework.rework());
        json.addProperty("total", rework.total());
        json.add("rate", number(rework.rate()));
        return json;
    }

    private static JsonObject availability(KpiReport.Availability availability) {
        JsonObject json = new JsonObject();
        json.add("ratio", number(availability.ratio()));
        json.addProperty("downtimeSeconds", availability.downtimeSeconds());
        json.addProperty("applications", availability.applications());
        json.add("worstApplication", text(availability.worstApplication()));
        return json;
    }

    private static JsonElement band(Band band) {
        return band == null ? JsonNull.INSTANCE : new JsonPrimitive(band.label());
    }
}
