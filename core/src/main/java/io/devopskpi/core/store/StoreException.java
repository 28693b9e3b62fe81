package io.devopskpi.core.store;

/** The store cannot be used (unreachable, broken schema, failed SQL). */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
