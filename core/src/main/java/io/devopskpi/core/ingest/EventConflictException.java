package io.devopskpi.core.ingest;

/**
 * An event that contradicts what is stored (HTTP 409): a deployment re-sent with other content, an incident
 * moved to another application, environment or start, an overlapping assignment. Nothing of the batch was stored.
 */
public final class EventConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int index;

    public EventConflictException(int index, String message) {
        super(message);
        this.index = index;
    }

    /** The index of the conflicting event in its batch. */
    public int index() {
        return index;
    }
}
