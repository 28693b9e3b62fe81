package io.devopskpi.core.api;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.devopskpi.core.ingest.EventError;
import io.devopskpi.core.kpi.QueryError;
import java.util.List;

/** The JSON bodies of api.md's answers and their text, the same for the server and the Jenkins plugin. */
public final class ApiJson {
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    /**
     * An answer lists at most this many errors: enough to fix a batch, and a 16 MiB body of broken events cannot
     * turn into an even larger error body.
     */
    public static final int MAX_ERRORS = 1000;

    /** Nulls are written: api.md's undefined KPI values are {@code null}, not missing. */
    private static final Gson GSON = new GsonBuilder().serializeNulls().create();

    private ApiJson() {
    }

    public static String text(JsonElement body) {
        return GSON.toJson(body);
    }

    /**
     * Every refusal and fault has one shape (api.md, Errors): {@code {"error": summary, "errors": [{"field": f,
     * "message": m}, ...]}}, plus {@code "index"} in an item that names an event of a batch and {@code "id"} for a
     * fault of the server. {@code error} is the message of a single problem, or the first of several with how many
     * more are listed; it is what a client that shows one line shows. Clients written for the shapes before 0.2
     * (a list for 400, a string otherwise) keep working: both keys are always there.
     *
     * <p>This one: a refusal that names no field, {@code {"error": m, "errors": [{"field": null, "message": m}]}}.
     */
    public static JsonObject error(String message) {
        JsonObject item = new JsonObject();
        item.add("field", null);
        item.addProperty("message", message);
        JsonArray list = new JsonArray();
        list.add(item);
        return shape(list, message);
    }

    /**
     * A conflict with a stored event (409): {@code {"error": m, "errors": [{"index": i, "field": null, "message":
     * m}], "index": i}}; the top-level {@code index} is the one api.md has always named.
     */
    public static JsonObject conflict(String message, int index) {
        JsonObject item = new JsonObject();
        item.addProperty("index", index);
        item.add("field", null);
        item.addProperty("message", message);
        JsonArray list = new JsonArray();
        list.add(item);
        JsonObject body = shape(list, message);
        body.addProperty("index", index);
        return body;
    }

    /**
     * A fault of the server (500): {@code {"error": m, "errors": [{"field": null, "message": m}], "id": id}} with
     * {@code m} = "internal error, id <id>". The id is the one logged with the stack trace; no request field is
     * named, since the request is not to blame. Both error shapes are written, so a client reading either finds it.
     */
    public static JsonObject internalError(String id) {
        JsonObject body = error("internal error, id " + id);
        body.addProperty("id", id);
        return body;
    }

    /** A new error id: 16 random hexadecimal digits, to find a 500's stack trace in the log. */
    public static String newErrorId() {
        return java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** {@code {"errors": [{"index": i, "field": f, "message": m}]}} */
    public static JsonObject eventErrors(List<EventError> errors) {
        JsonArray list = new JsonArray();
        for (EventError error : errors.subList(0, Math.min(errors.size(), MAX_ERRORS))) {
            JsonObject item = new JsonObject();
            item.addProperty("index", error.index());
            item.addProperty("field", error.field());
            item.addProperty("message", error.message());
            list.add(item);
        }
        return errors(list, errors.size());
    }

    /** {@code {"errors": [{"field": f, "message": m}]}} */
    public static JsonObject queryErrors(List<QueryError> errors) {
        JsonArray list = new JsonArray();
        for (QueryError error : errors.subList(0, Math.min(errors.size(), MAX_ERRORS))) {
            JsonObject item = new JsonObject();
            item.addProperty("field", error.field());
            item.addProperty("message", error.message());
            list.add(item);
        }
        return errors(list, errors.size());
    }

    private static JsonObject errors(JsonArray listed, int total) {
        if (total > listed.size()) {
            JsonObject more = new JsonObject();
            more.add("field", null);
            more.addProperty("message", (total - listed.size()) + " more errors are not listed");
            listed.add(more);
        }
        String first = listed.isEmpty() ? "the request was refused"
                : listed.get(0).getAsJsonObject().get("message").getAsString();
        return shape(listed, total <= 1 ? first : first + " (and " + (total - 1) + " more: see errors)");
    }

    private static JsonObject shape(JsonArray errors, String summary) {
        JsonObject body = new JsonObject();
        body.addProperty("error", summary);
        body.add("errors", errors);
        return body;
    }
}
