package io.devopskpi.core.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.devopskpi.core.model.ApplicationProfile;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.GatePolicy;
import io.devopskpi.core.model.Survey;
import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Component;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.Voiding;
import java.time.Instant;

/**
 * Events as api.md writes them, the inverse of {@link EventJson#parse}: absent values are left out, so the text
 * parses back to an equal event. Used where events wait on disk before they reach a store.
 */
public final class EventJsonWriter {
    private EventJsonWriter() {
    }

    public static JsonObject toJson(Event event) {
        JsonObject json = new JsonObject();
        if (event instanceof Deployment d) {
            json.addProperty("type", "deployment");
            json.addProperty("id", d.id());
            json.addProperty("application", d.application());
            json.addProperty("environment", d.environment());
            put(json, "started", d.started());
            put(json, "finished", d.finished());
            json.addProperty("result", d.result().name());
            json.addProperty("kind", d.kind().name());
            json.addProperty("revision", d.revision());
            JsonArray changes = new JsonArray();
            for (Change change : d.changes()) {
                JsonObject item = new JsonObject();
                item.addProperty("id", change.id());
                put(item, "committed", change.committed());
                item.addProperty("author", change.author());
                changes.add(item);
            }
            json.add("changes", changes);
            JsonArray components = new JsonArray();
            for (Component component : d.components()) {
                JsonObject item = new JsonObject();
                item.addProperty("name", component.name());
                item.addProperty("version", component.version());
                components.add(item);
            }
            json.add("components", components);
            json.addProperty("pipeline", d.pipeline());
            json.addProperty("url", d.url());
            json.addProperty("imported", d.imported());
            json.addProperty("team", d.team());
            json.addProperty("supplier", d.supplier());
        } else if (event instanceof Incident i) {
            json.addProperty("type", "incident");
            json.addProperty("id", i.id());
            json.addProperty("application", i.application());
            json.addProperty("environment", i.environment());
            put(json, "started", i.started());
            put(json, "detected", i.detected());
            put(json, "resolved", i.resolved());
            json.addProperty("severity", i.severity());
            json.addProperty("cause", i.cause());
            json.addProperty("team", i.team());
            json.addProperty("supplier", i.supplier());
        } else if (event instanceof Assignment a) {
            json.addProperty("type", "assignment");
            json.addProperty("application", a.application());
            json.addProperty("supplier", a.supplier());
            json.addProperty("team", a.team());
            json.addProperty("responsibility", a.responsibility().name());
            put(json, "from", a.from());
            put(json, "to", a.to());
        } else if (event instanceof ApplicationProfile p) {
            json.addProperty("type", "application");
            json.addProperty("application", p.application());
            json.add("tags", strings(p.tags()));
        } else if (event instanceof ContractTarget t) {
            json.addProperty("type", "target");
            json.addProperty("supplier", t.supplier());
            if (!t.applications().isEmpty()) {
                json.add("applications", strings(t.applications()));
            }
            json.addProperty("metric", t.metric().apiName());
            json.addProperty("operator", t.operator().symbol());
            json.addProperty("value", t.value());
            json.addProperty("minSamples", t.minSamples());
            json.addProperty("period", t.period().name());
            put(json, "from", t.from());
            put(json, "to", t.to());
            if (t.minSeverity() != null) {
                json.addProperty("minSeverity", t.minSeverity().apiName());
            }
        } else if (event instanceof Survey s) {
            json.addProperty("type", "survey");
            json.addProperty("id", s.id());
            json.addProperty("supplier", s.supplier());
            json.addProperty("application", s.application());
            put(json, "from", s.from());
            put(json, "to", s.to());
            json.addProperty("score", s.score());
            json.addProperty("respondents", s.respondents());
            json.addProperty("comment", s.comment());
        } else if (event instanceof Voiding v) {
            json.addProperty("type", v.action().apiName());
            JsonObject target = new JsonObject();
            target.addProperty("type", v.targetType().apiName());
            target.addProperty("id", v.targetId());
            json.add("target", target);
            json.addProperty("reason", v.reason());
            json.addProperty("by", v.by());
        } else {
            GatePolicy policy = (GatePolicy) event;
            json.addProperty("type", "policy");
            json.addProperty("name", policy.name());
            json.add("gate", com.google.gson.JsonParser.parseString(policy.gate()));
        }
        return withoutNulls(json);
    }

    private static JsonArray strings(java.util.List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    /** api.md treats null as absent; leaving nulls out keeps the text short and the round trip exact. */
    private static JsonObject withoutNulls(JsonObject json) {
        json.entrySet().removeIf(e -> e.getValue().isJsonNull());
        json.entrySet().forEach(e -> {
            if (e.getValue().isJsonArray()) {
                e.getValue().getAsJsonArray().forEach(item -> {
                    if (item.isJsonObject()) {
                        withoutNulls(item.getAsJsonObject());
                    }
                });
            }
        });
        return json;
    }

    private static void put(JsonObject json, String name, Instant value) {
        json.addProperty(name, value == null ? null : value.toString());
    }
}
