package io.devopskpi.core.hooks;

import com.google.gson.JsonObject;

/**
 * What one webhook call did: incidents newly stored, re-sends that changed nothing, re-sends that updated an
 * incident (as for events), alerts left unmapped (kept in {@link UnmappedAlerts}) and events of a type that
 * opens, acknowledges or closes nothing.
 */
public record HookResult(int accepted, int duplicates, int updated, int unmapped, int ignored) {
    /** The answer of a webhook call, the server's and the plugin's alike (api.md, "Alerting webhooks"). */
    public JsonObject json() {
        JsonObject answer = new JsonObject();
        answer.addProperty("accepted", accepted);
        answer.addProperty("duplicates", duplicates);
        answer.addProperty("updated", updated);
        answer.addProperty("unmapped", unmapped);
        answer.addProperty("ignored", ignored);
        return answer;
    }
}
