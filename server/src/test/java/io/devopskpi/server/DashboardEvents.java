package io.devopskpi.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;

/** Events of the dashboard tests, built as JSON so that any name (quotes, markup, formulas) is sent exactly. */
final class DashboardEvents {
    private final JsonArray events = new JsonArray();

    /** A production deployment that ran for ten minutes up to {@code finished}. */
    JsonObject deployment(String id, String application, String finished, String result) {
        JsonObject d = new JsonObject();
        d.addProperty("type", "deployment");
        d.addProperty("id", id);
        d.addProperty("application", application);
        d.addProperty("environment", "production");
        d.addProperty("started", Instant.parse(finished).minus(Duration.ofMinutes(10)).toString());
        d.addProperty("finished", finished);
        d.addProperty("result", result);
        events.add(d);
        return d;
    }

    JsonObject incident(String id, String application, String started, String detected, String resolved) {
        JsonObject i = new JsonObject();
        i.addProperty("type", "incident");
        i.addProperty("id", id);
        i.addProperty("application", application);
        i.addProperty("environment", "production");
        i.addProperty("started", started);
        i.addProperty("detected", detected);
        i.addProperty("resolved", resolved);
        events.add(i);
        return i;
    }

    void assignment(String application, String supplier, String team, String responsibility, String from) {
        JsonObject a = new JsonObject();
        a.addProperty("type", "assignment");
        a.addProperty("application", application);
        a.addProperty("supplier", supplier);
        a.addProperty("team", team);
        a.addProperty("responsibility", responsibility);
        a.addProperty("from", from);
        events.add(a);
    }

    /** Posts what was written, failing the test when the server refuses it. */
    void postTo(TestServer server) {
        var response = server.post(events.toString());
        if (response.statusCode() != 200) {
            throw new AssertionError("events refused: " + response.body());
        }
    }
}
