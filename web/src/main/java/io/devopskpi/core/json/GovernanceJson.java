package io.devopskpi.core.json;

import static io.devopskpi.core.json.JsonValues.instant;
import static io.devopskpi.core.json.JsonValues.interval;
import static io.devopskpi.core.json.JsonValues.number;
import static io.devopskpi.core.json.JsonValues.text;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.devopskpi.core.governance.GatePolicies;
import io.devopskpi.core.governance.KpiResponsibility;
import io.devopskpi.core.governance.MetricValue;
import io.devopskpi.core.governance.Scorecard;
import io.devopskpi.core.governance.SupplierComparison;
import io.devopskpi.core.governance.TargetVerdict;
import io.devopskpi.core.kpi.KpiFigures;
import io.devopskpi.core.kpi.Satisfaction;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.model.Survey;
import java.util.List;

/**
 * The JSON of the supplier governance reads (GOVERNANCE-CONTRACT.md): assignments, targets, surveys, policies,
 * target verdicts, scorecards and comparisons. Undefined values are null, as in {@link KpiJson}.
 */
public final class GovernanceJson {
    private GovernanceJson() {
    }

    public static JsonObject assignments(List<Assignment> assignments) {
        JsonArray items = new JsonArray();
        assignments.forEach(a -> items.add(assignment(a)));
        JsonObject json = new JsonObject();
        json.add("assignments", items);
        return json;
    }

    public static JsonObject targets(List<ContractTarget> targets) {
        JsonArray items = new JsonArray();
        targets.forEach(t -> items.add(target(t)));
        JsonObject json = new JsonObject();
        json.add("targets", items);
        return json;
    }

    /** A target as it was sent (durations in seconds), with {@code applications} null for all. */
    public static JsonObject target(ContractTarget t) {
        JsonObject json = new JsonObject();
        json.addProperty("supplier", t.supplier());
        json.add("applications", t.applications().isEmpty() ? JsonNull.INSTANCE : strings(t.applications()));
        json.addProperty("metric", t.metric().apiName());
        json.addProperty("operator", t.operator().symbol());
        json.addProperty("value", t.value());
        json.addProperty("minSamples", t.minSamples());
        json.addProperty("period", t.period().name());
        json.addProperty("from", t.from().toString());
        json.add("to", instant(t.to()));
        minSeverity(json, t);
        return json;
    }

    /** {@code "minSeverity"} of a target that names one (metrics.md, "Severity"); absent when it counts all. */
    private static void minSeverity(JsonObject json, ContractTarget t) {
        if (t.minSeverity() != null) {
            json.addProperty("minSeverity", t.minSeverity().apiName());
        }
    }

    public static JsonObject surveys(List<Survey> surveys, Satisfaction satisfaction) {
        JsonArray items = new JsonArray();
        for (Survey s : surveys) {
            JsonObject item = new JsonObject();
            item.addProperty("id", s.id());
            item.addProperty("supplier", s.supplier());
            item.add("application", text(s.application()));
            item.addProperty("from", s.from().toString());
            item.addProperty("to", s.to().toString());
            item.addProperty("score", s.score());
            item.addProperty("respondents", s.respondents());
            item.add("comment", text(s.comment()));
            items.add(item);
        }
        JsonObject json = new JsonObject();
        json.add("surveys", items);
        json.add("satisfaction", satisfaction(satisfaction));
        return json;
    }

    public static JsonObject satisfaction(Satisfaction satisfaction) {
        JsonObject json = new JsonObject();
        json.add("mean", number(satisfaction.mean()));
        json.addProperty("respondents", satisfaction.respondents());
        json.addProperty("surveys", satisfaction.surveys());
        return json;
    }

    public static JsonObject policies(List<GatePolicies.NamedGate> policies) {
        JsonArray items = new JsonArray();
        for (GatePolicies.NamedGate policy : policies) {
            JsonObject item = new JsonObject();
            item.addProperty("name", policy.name());
            item.addProperty("derived", policy.derived());
            item.add("gate", policy.gate());
            items.add(item);
        }
        JsonObject json = new JsonObject();
        json.add("policies", items);
        return json;
    }

    /** {@code [{"metric","operator","target","actual","samples","minSamples","verdict"}]} */
    public static JsonArray verdicts(List<TargetVerdict> verdicts) {
        JsonArray items = new JsonArray();
        for (TargetVerdict v : verdicts) {
            JsonObject item = new JsonObject();
            item.addProperty("metric", v.target().metric().apiName());
            item.add("applications", v.target().applications().isEmpty() ? JsonNull.INSTANCE
                    : strings(v.target().applications()));
            item.addProperty("operator", v.target().operator().symbol());
            item.addProperty("target", v.target().value());
            item.add("actual", number(v.actual().value()));
            item.add("samples", v.actual().samples() == null ? JsonNull.INSTANCE
                    : new JsonPrimitive(v.actual().samples()));
            item.addProperty("minSamples", v.target().minSamples());
            minSeverity(item, v.target());
            item.addProperty("verdict", v.verdict().name());
            items.add(item);
        }
        return items;
    }

    public static JsonObject scorecard(Scorecard card) {
        JsonObject json = new JsonObject();
        json.addProperty("supplier", card.supplier());
        JsonObject period = new JsonObject();
        period.addProperty("label", card.period().label());
        period.addProperty("from", card.period().from().toString());
        period.addProperty("to", card.period().to().toString());
        json.add("period", period);
        json.addProperty("environment", card.environment());
        json.addProperty("zone", card.zone().getId());
        JsonArray responsibilities = new JsonArray();
        for (Assignment a : card.responsibilities()) {
            JsonObject item = new JsonObject();
            item.addProperty("application", a.application());
            item.addProperty("responsibility", a.responsibility().name());
            item.add("team", text(a.team()));
            item.addProperty("from", a.from().toString());
            item.add("to", instant(a.to()));
            responsibilities.add(item);
        }
        json.add("responsibilities", responsibilities);
        // metrics.md: the responsibilities it held in the period; a page shows "not responsible" for the others
        JsonArray held = new JsonArray();
        card.delivery().responsibilities().forEach(r -> held.add(r.name()));
        json.add("responsibilitiesHeld", held);
        JsonArray kpis = new JsonArray();
        card.kpis().forEach(line -> {
            JsonObject item = line(line);
            item.addProperty("responsible", card.delivery().responsibleFor(KpiResponsibility.of(line.metric())));
            kpis.add(item);
        });
        json.add("kpis", kpis);
        JsonObject breakdown = new JsonObject();
        JsonArray applications = new JsonArray();
        for (Scorecard.ApplicationPart part : card.applications()) {
            JsonObject item = new JsonObject();
            item.addProperty("application", part.application());
            item.add("responsibility", part.responsibility() == null ? JsonNull.INSTANCE
                    : new JsonPrimitive(part.responsibility().name()));
            item.add("kpis", kpis(part.figures(), Responsibility.BOTH));
            applications.add(item);
        }
        breakdown.add("applications", applications);
        JsonObject sides = new JsonObject();
        sides.add("DELIVERY", kpis(card.delivery(), Responsibility.DELIVERY));
        sides.add("OPERATIONS", kpis(card.operations(), Responsibility.OPERATIONS));
        breakdown.add("responsibilities", sides);
        json.add("breakdown", breakdown);
        return json;
    }

    private static JsonObject line(Scorecard.Line line) {
        JsonObject json = new JsonObject();
        json.addProperty("metric", line.metric().apiName());
        json.addProperty("label", line.metric().label());
        if (!line.applications().isEmpty()) {
            json.add("applications", strings(line.applications()));
        }
        json.add("value", number(line.value().value()));
        json.addProperty("unit", MetricUnit.of(line.metric()));
        json.add("ci95", interval(line.value().ci95()));
        json.add("samples", samples(line.value()));
        if (line.target() == null) {
            json.add("target", JsonNull.INSTANCE);
        } else {
            JsonObject target = new JsonObject();
            target.addProperty("operator", line.target().operator().symbol());
            target.addProperty("value", line.target().value());
            target.addProperty("minSamples", line.target().minSamples());
            minSeverity(target, line.target());
            json.add("target", target);
        }
        json.addProperty("verdict", line.verdict().name());
        JsonObject previous = new JsonObject();
        previous.add("value", number(line.previous().value()));
        previous.add("samples", samples(line.previous()));
        json.add("previous", previous);
        json.add("change", number(line.change()));
        JsonArray trend = new JsonArray();
        for (Scorecard.TrendPoint point : line.trend()) {
            JsonObject item = new JsonObject();
            item.addProperty("label", point.period().label());
            item.addProperty("from", point.period().from().toString());
            item.addProperty("to", point.period().to().toString());
            item.add("value", number(point.value().value()));
            item.add("samples", samples(point.value()));
            trend.add(item);
        }
        json.add("trend", trend);
        return json;
    }

    public static JsonObject comparison(SupplierComparison comparison) {
        JsonObject json = new JsonObject();
        json.add("window", KpiJson.window(comparison.window()));
        json.addProperty("environment", comparison.window().environment());
        json.addProperty("responsibility", comparison.responsibility().name());
        json.add("tag", text(comparison.tag()));
        JsonArray suppliers = new JsonArray();
        for (SupplierComparison.Entry entry : comparison.suppliers()) {
            JsonObject item = new JsonObject();
            item.addProperty("supplier", entry.supplier());
            item.add("applications", strings(entry.figures().applications()));
            JsonArray held = new JsonArray();
            entry.figures().responsibilities().forEach(r -> held.add(r.name()));
            item.add("responsibilities", held);
            item.add("kpis", kpis(entry.figures(), comparison.responsibility()));
            suppliers.add(item);
        }
        json.add("suppliers", suppliers);
        JsonArray differences = new JsonArray();
        for (SupplierComparison.Difference d : comparison.differences()) {
            JsonObject item = new JsonObject();
            item.addProperty("metric", d.metric().apiName());
            item.addProperty("a", d.a());
            item.addProperty("b", d.b());
            item.addProperty("significant", d.significant());
            item.addProperty("reason", d.reason());
            differences.add(item);
        }
        json.add("differences", differences);
        return json;
    }

    /**
     * The /kpis objects of one responsibility: the sections the other responsibility's attribution decides are
     * null, so nobody reads a supplier's availability into "what it built". Stakeholder satisfaction and shared
     * component use are added (additive fields).
     */
    public static JsonObject kpis(KpiFigures figures, Responsibility side) {
        JsonObject json = KpiJson.kpisOnly(figures.report());
        if (!side.coversDelivery()) {
            KpiResponsibility.kpis(Responsibility.DELIVERY).forEach(name -> json.add(name, JsonNull.INSTANCE));
        }
        if (!side.coversOperations()) {
            KpiResponsibility.kpis(Responsibility.OPERATIONS).forEach(name -> json.add(name, JsonNull.INSTANCE));
        }
        json.add("stakeholderSatisfaction", satisfaction(figures.satisfaction()));
        if (side.coversDelivery()) {
            JsonObject shared = new JsonObject();
            shared.add("ratio", number(figures.components().sharedComponentUse()));
            shared.addProperty("applications", figures.components().applications());
            json.add("sharedComponentUse", shared);
        } else {
            json.add("sharedComponentUse", JsonNull.INSTANCE);
        }
        return json;
    }

    private static JsonObject assignment(Assignment a) {
        JsonObject json = new JsonObject();
        json.addProperty("application", a.application());
        json.addProperty("supplier", a.supplier());
        json.add("team", text(a.team()));
        json.addProperty("responsibility", a.responsibility().name());
        json.addProperty("from", a.from().toString());
        json.add("to", instant(a.to()));
        return json;
    }

    private static JsonElement samples(MetricValue value) {
        return value.samples() == null ? JsonNull.INSTANCE : new JsonPrimitive(value.samples());
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
