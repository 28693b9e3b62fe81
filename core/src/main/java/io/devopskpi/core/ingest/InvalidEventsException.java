package io.devopskpi.core.ingest;

import java.util.List;

/** A batch with invalid events (HTTP 400): nothing of it was stored. */
public final class InvalidEventsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<EventError> errors;

    public InvalidEventsException(List<EventError> errors) {
        super(errors.isEmpty() ? "invalid events" : errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<EventError> errors() {
        return errors;
    }
}
