package io.devopskpi.core.model;

/**
 * An event that breaks a rule of the event model. Names the offending field (a path such as
 * {@code changes[2].committed} for nested values) and says what is wrong, with the event and the value.
 */
public final class InvalidEventException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidEventException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The same error, its field placed under a parent path, e.g. {@code committed} → {@code changes[0].committed}. */
    public InvalidEventException under(String parentPath) {
        return new InvalidEventException(parentPath + "." + field, getMessage());
    }
}
