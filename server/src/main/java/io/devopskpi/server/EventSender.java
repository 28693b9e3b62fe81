package io.devopskpi.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Posts events to a running server's {@code POST /api/v1/events} in batches of {@value #BATCH}, printing a progress
 * line per batch, and names a refused event by where it came from. Exit codes as the import command's: 0 sent,
 * 2 refused, 4 the server could not be asked. Batches before a refused one stay stored (events are idempotent).
 */
final class EventSender {
    static final int IMPORTED = 0;
    static final int REFUSED = 2;
    static final int UNREACHABLE = 4;
    static final int BATCH = 500;

    /** One event and how messages name where it came from ("line 3", "event 7", "shop-deploy #12"). */
    record Item(JsonElement event, String origin) {
    }

    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient client;
    private final String prefix;
    private final String server;
    private final String token;

    EventSender(PrintStream out, PrintStream err, HttpClient client, String prefix, String server, String token) {
        this.out = out;
        this.err = err;
        this.client = client;
        this.prefix = prefix;
        this.server = server;
        this.token = token;
    }

    int send(List<Item> items) {
        return send(items, BATCH);
    }

    /** Sends {@code batch} events per request (at least 1); one request is stored all or nothing. */
    int send(List<Item> items, int perRequest) {
        int size = Math.max(1, perRequest);
        int accepted = 0;
        int duplicates = 0;
        int updated = 0;
        for (int start = 0; start < items.size(); start += size) {
            List<Item> batch = items.subList(start, Math.min(items.size(), start + size));
            JsonArray body = new JsonArray();
            batch.forEach(item -> body.add(item.event()));
            HttpResponse<String> response;
            try {
                response = client.send(HttpRequest.newBuilder(URI.create(server + "/api/v1/events"))
                        .timeout(Duration.ofMinutes(5))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException | IllegalArgumentException e) {
                // a refused connection has no message, only its type
                err.println(prefix + "cannot reach " + server + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                return UNREACHABLE;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return UNREACHABLE;
            }
            JsonObject answer = object(response.body());
            if (response.statusCode() != 200) {
                return refused(response, answer, batch, start, items.size());
            }
            accepted += answer.get("accepted").getAsInt();
            duplicates += answer.get("duplicates").getAsInt();
            updated += answer.get("updated").getAsInt();
            out.printf("imported %d of %d events (accepted %d, duplicates %d, updated %d)%n", start + batch.size(),
                    items.size(), accepted, duplicates, updated);
        }
        out.println("done: " + items.size() + " events imported");
        return IMPORTED;
    }

    private int refused(HttpResponse<String> response, JsonObject answer, List<Item> batch, int start, int total) {
        String stored = start == 0 ? "nothing was stored"
                : "the first " + start + " of " + total + " events were stored; send the file again once fixed";
        if (response.statusCode() == 400 && answer.has("errors")) {
            for (JsonElement element : answer.getAsJsonArray("errors")) {
                JsonObject error = element.getAsJsonObject();
                String origin = error.has("index") && !error.get("index").isJsonNull()
                        ? batch.get(error.get("index").getAsInt()).origin() + ": " : "";
                String field = error.get("field").isJsonNull() ? "" : error.get("field").getAsString() + ": ";
                err.println(prefix + "" + origin + field + error.get("message").getAsString());
            }
        } else if (response.statusCode() == 409 && answer.has("error")) {
            String origin = answer.has("index") ? batch.get(answer.get("index").getAsInt()).origin() + ": " : "";
            err.println(prefix + "" + origin + "conflict: " + answer.get("error").getAsString());
        } else if (response.statusCode() == 401) {
            err.println(prefix + "the server refused the token (HTTP 401)");
        } else {
            err.println(prefix + "the server answered HTTP " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
            err.println(prefix + "" + stored);
            return response.statusCode() >= 500 ? UNREACHABLE : REFUSED;
        }
        err.println(prefix + "" + stored);
        return REFUSED;
    }

    /** The answer's JSON object; empty when the body is not one (a proxy's error page). */
    private static JsonObject object(String body) {
        try {
            JsonElement json = JsonParser.parseString(body);
            return json.isJsonObject() ? json.getAsJsonObject() : new JsonObject();
        } catch (JsonParseException e) {
            return new JsonObject();
        }
    }
}
