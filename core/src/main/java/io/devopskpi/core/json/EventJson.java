package io.devopskpi.core.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.devopskpi.core.ingest.EventError;
import io.devopskpi.core.ingest.InvalidEventsException;
import io.devopskpi.core.model.Event;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of events (api.md, "Events"): a body holding one event object or an array of them, read strictly.
 * Unknown fields at any depth, wrong JSON types, malformed instants and unknown constants are refused, as is
 * anything the model refuses; every event is checked, so one answer lists all problems of a batch.
 */
public final class EventJson {
    /** The field of errors about the body as a whole (malformed JSON, empty body). */
    public static final String BODY = "body";

    private EventJson() {
    }

    /**
     * The events of a request body, in order.
     *
     * @throws InvalidEventsException with every problem found; errors about the body as a whole have a null index
     */
    public static List<Event> parse(String body) {
        JsonElement root = tree(body);
        List<JsonElement> items = new ArrayList<>();
        if (root.isJsonArray()) {
            root.getAsJsonArray().forEach(items::add);
        } else if (root.isJsonObject()) {
            items.add(root);
        } else {
            throw bodyError("the body must be an event object or an array of event objects, got "
                    + JsonFields.describe(root));
        }
        List<EventError> errors = new ArrayList<>();
        List<Event> events = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Event event = EventFromJson.read(items.get(i), i, errors);
            if (event != null) {
                events.add(event);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidEventsException(errors);
        }
        return events;
    }

    /** The JSON tree of the body, read strictly: no comments, unquoted names, single quotes or trailing data. */
    private static JsonElement tree(String body) {
        if (body.isBlank()) {
            throw bodyError("the body is empty, expected an event object or an array of event objects");
        }
        try (JsonReader reader = new JsonReader(new StringReader(body))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw bodyError("the body is not valid JSON: unexpected data after the first value" + at(reader));
            }
            return root;
        } catch (JsonParseException | IOException e) {
            throw bodyError("the body is not valid JSON: " + reason(e));
        }
    }

    /** Gson's message without the exception class it sometimes prefixes; it carries line, column and path. */
    private static String reason(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int seeHelp = message.indexOf("\nSee ");
        return seeHelp < 0 ? message : message.substring(0, seeHelp);
    }

    private static String at(JsonReader reader) {
        String location = reader.toString();
        int at = location.indexOf(" at line ");
        return at < 0 ? "" : location.substring(at);
    }

    private static InvalidEventsException bodyError(String message) {
        return new InvalidEventsException(List.of(new EventError(null, BODY, message)));
    }
}
