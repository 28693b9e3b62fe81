package io.devopskpi.server;

import com.google.gson.JsonElement;
import io.devopskpi.core.api.ApiJson;
import io.javalin.http.Context;

/** Writes api.md's JSON answers ({@link ApiJson}) as UTF-8 text (Javalin needs no JSON mapper). */
final class JsonAnswers {
    static final String CONTENT_TYPE = ApiJson.CONTENT_TYPE;

    private JsonAnswers() {
    }

    static void write(Context ctx, int status, JsonElement body) {
        ctx.status(status).contentType(CONTENT_TYPE).result(ApiJson.text(body));
    }
}
