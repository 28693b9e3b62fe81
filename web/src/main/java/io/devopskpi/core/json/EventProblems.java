package io.devopskpi.core.json;

import io.devopskpi.core.ingest.EventError;
import io.devopskpi.core.model.InvalidEventException;
import io.devopskpi.core.text.Excerpt;
import java.util.List;

/** Collects the errors of one event of a batch, each with the event's index and its name in the message. */
final class EventProblems {
    /**
     * Model messages quote the event's id, which may be a huge invalid value; this bounds any one message so
     * the 400 answer cannot echo megabytes back.
     */
    private static final int MAX_MESSAGE = 600;

    private final int index;
    private final String event;
    private final List<EventError> errors;
    private final int before;

    EventProblems(int index, String event, List<EventError> errors) {
        this.index = index;
        this.event = event;
        this.errors = errors;
        this.before = errors.size();
    }

    void add(String field, String message) {
        errors.add(new EventError(index, field, Excerpt.cut(message + " (" + event + ")", MAX_MESSAGE)));
    }

    /** A rule of the model broken by the event, or by a value nested at {@code parentPath} (null: top level). */
    void add(InvalidEventException e, String parentPath) {
        if (parentPath == null) {
            errors.add(new EventError(index, e.field(), Excerpt.cut(e.getMessage(), MAX_MESSAGE)));
        } else {
            add(e.under(parentPath).field(), e.getMessage());
        }
    }

    /** How many errors this event has so far. */
    int count() {
        return errors.size() - before;
    }
}
