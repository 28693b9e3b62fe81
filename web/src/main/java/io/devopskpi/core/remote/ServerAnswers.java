package io.devopskpi.core.remote;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.devopskpi.core.ingest.EventError;
import java.util.ArrayList;
import java.util.List;

/** Reads the server's error shape ({@code {"error", "errors": [{"index"?, "field", "message"}], "index"?}}). */
final class ServerAnswers {
    private static final int EXCERPT = 300;

    private ServerAnswers() {
    }

    /** The answer's JSON object; empty when the body is not one (a proxy's error page). */
    static JsonObject object(String body) {
        try {
            JsonElement json = JsonParser.parseString(body == null ? "" : body);
            return json != null && json.isJsonObject() ? json.getAsJsonObject() : new JsonObject();
        } catch (JsonParseException e) {
            return new JsonObject();
        }
    }

    /** Whether the body is the server's error shape: {@code error} and an {@code errors} list. */
    static boolean isRefusal(String body) {
        JsonObject answer = object(body);
        return answer.has("error") && answer.has("errors") && answer.get("errors").isJsonArray();
    }

    /** The answer's one-line {@code error}, or the start of a body that has none. */
    static String error(String body) {
        JsonObject answer = object(body);
        if (answer.has("error") && answer.get("error").isJsonPrimitive()) {
            return answer.get("error").getAsString();
        }
        String text = body == null ? "" : body.strip();
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
    }

    /** The field errors of a 400, as the ingest names them; one naming the body when the answer has none. */
    static List<EventError> errors(String body) {
        JsonObject answer = object(body);
        List<EventError> errors = new ArrayList<>();
        if (answer.has("errors") && answer.get("errors").isJsonArray()) {
            for (JsonElement element : answer.getAsJsonArray("errors")) {
                if (!element.isJsonObject()) {
                    continue;
                }
                JsonObject error = element.getAsJsonObject();
                errors.add(new EventError(integer(error.get("index")), text(error.get("field")),
                        text(error.get("message"))));
            }
        }
        if (errors.isEmpty()) {
            errors.add(new EventError(null, "body", error(body)));
        }
        return errors;
    }

    private static Integer integer(JsonElement element) {
        return element == null || element.isJsonNull() || !element.isJsonPrimitive() ? null : element.getAsInt();
    }

    private static String text(JsonElement element) {
        return element == null || element.isJsonNull() ? null : element.getAsString();
    }
}
