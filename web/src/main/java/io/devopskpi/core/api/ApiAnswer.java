package io.devopskpi.core.api;

import com.google.gson.JsonElement;

/**
 * An answer of the read API, for an HTTP layer to write: status, content type, body, and for a download the file
 * name a browser should save it as (null otherwise).
 */
public record ApiAnswer(int status, String contentType, String body, String attachment) {
    public static ApiAnswer json(int status, JsonElement body) {
        return new ApiAnswer(status, ApiJson.CONTENT_TYPE, ApiJson.text(body), null);
    }
}
