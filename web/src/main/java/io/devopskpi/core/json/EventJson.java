package io.devopskpi.core.json;

import com.google.gson.JsonElement;
import io.devopskpi.core.ingest.EventError;
import io.devopskpi.core.ingest.InvalidEventsException;
import io.devopskpi.core.model.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of events (api.md, "Events"): a body holding one event object or an array of them, read strictly.
 * Duplicate keys, nesting beyond {@link StrictJson#MAX_DEPTH}, unknown fields at any depth, wrong JSON types, malformed instants and unknown constants are refused, as is
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

    /**
     * The JSON tree of the body, read strictly ({@link StrictJson}): no comments, unquoted names, single quotes,
     * trailing data, duplicate keys or nesting deeper than {@link StrictJson#MAX_DEPTH}. A duplicate key is
     * reported on its event (the index in the batch) and field (its path in the event).
     */
    private static JsonElement tree(String body) {
        if (body.isBlank()) {
            throw bodyError("the body is empty, expected an event object or an array of event objects");
        }
        try {
            return StrictJson.parse(body);
        } catch (StrictJson.Refused e) {
            List<Object> path = e.path();
            if (path.isEmpty()) {
                throw bodyError(e.getMessage());
            }
            boolean inArray = path.get(0) instanceof Integer;
            int index = inArray ? (Integer) path.get(0) : 0;
            List<Object> inEvent = inArray ? path.subList(1, path.size()) : path;
            throw new InvalidEventsException(List.of(new EventError(index, StrictJson.field(inEvent),
                    e.getMessage() + " (event " + index + ")")));
        }
    }

    private static InvalidEventsException bodyError(String message) {
        return new InvalidEventsException(List.of(new EventError(null, BODY, message)));
    }
}
