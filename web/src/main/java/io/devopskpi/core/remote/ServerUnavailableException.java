package io.devopskpi.core.remote;

/**
 * The central server cannot take or answer a request now: it is not reachable, too slow, failing (5xx) or refuses
 * the token (401/403). The message names the server's URL, never a token. For the outbox: "not now", the event
 * stays queued.
 */
public final class ServerUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServerUnavailableException(String message) {
        super(message);
    }

    public ServerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
