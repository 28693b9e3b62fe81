package io.devopskpi.server;

import com.google.gson.JsonObject;
import io.devopskpi.core.api.ApiJson;

/** Ends a request with an HTTP status and a JSON body; thrown by handlers, written by {@link KpiServer}. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient JsonObject body;

    ApiException(int status, JsonObject body) {
        super(null, null, false, false);
        this.status = status;
        this.body = body;
    }

    /** {@code {"error": message}} */
    static ApiException error(int status, String message) {
        return new ApiException(status, ApiJson.error(message));
    }

    int status() {
        return status;
    }

    JsonObject body() {
        return body;
    }
}
