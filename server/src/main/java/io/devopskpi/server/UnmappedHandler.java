package io.devopskpi.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.devopskpi.core.hooks.AlertSource;
import io.devopskpi.core.hooks.UnmappedAlert;
import io.devopskpi.core.hooks.UnmappedAlerts;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

/** {@code GET /api/v1/hooks/unmapped}: how many alerts no mapping placed, and the last ones with what was looked at. */
final class UnmappedHandler implements Handler {
    private final TokenAuth auth;
    private final UnmappedAlerts unmapped;

    UnmappedHandler(TokenAuth auth, UnmappedAlerts unmapped) {
        this.auth = auth;
        this.unmapped = unmapped;
    }

    @Override
    public void handle(Context ctx) {
        auth.requireRead(ctx);
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
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(), answer);
    }
}
