package io.devopskpi.core.hooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The answer of {@code GET …/hooks/unmapped}, the same from the server and the Jenkins plugin (api.md, "Unmapped
 * alerts"): the count, per tool, how many are kept, and the last ones with what was looked at.
 */
public final class UnmappedAlertsJson {
    private UnmappedAlertsJson() {
    }

    public static JsonObject of(UnmappedAlerts unmapped) {
        JsonObject answer = new JsonObject();
        answer.addProperty("count", unmapped.count());
        JsonObject bySource = new JsonObject();
        for (AlertSource source : AlertSource.values()) {
            bySource.addProperty(source.key(), unmapped.count(source));
        }
        answer.add("counts", bySource);
        answer.addProperty("kept", UnmappedAlerts.KEPT);
        JsonArray alerts = new JsonArray();
        for (UnmappedAlert alert : unmapped.recent()) {
            JsonObject item = new JsonObject();
            item.addProperty("source", alert.source().key());
            item.addProperty("id", alert.id());
            item.addProperty("summary", alert.summary());
            item.addProperty("reason", alert.reason());
            JsonObject looked = new JsonObject();
            alert.looked().forEach(looked::addProperty);
            item.add("looked", looked);
            item.addProperty("received", alert.received().toString());
            item.addProperty("times", alert.times());
            alerts.add(item);
        }
        answer.add("alerts", alerts);
        return answer;
    }
}
