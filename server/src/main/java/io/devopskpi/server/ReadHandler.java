package io.devopskpi.server;

import io.devopskpi.core.api.ApiAnswer;
import io.devopskpi.core.api.ReadApi;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** {@code GET /api/v1/<endpoint>}: the read token checked, then core's {@link ReadApi} answers. */
final class ReadHandler implements Handler {
    private final TokenAuth auth;
    private final ReadApi api;
    private final String endpoint;

    ReadHandler(TokenAuth auth, ReadApi api, String endpoint) {
        this.auth = auth;
        this.api = api;
        this.endpoint = endpoint;
    }

    @Override
    public void handle(Context ctx) {
        auth.requireRead(ctx);
        ApiAnswer answer = api.answer(endpoint, ctx.queryParamMap());
        if (answer.attachment() != null) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + answer.attachment() + "\"");
        }
        ctx.status(answer.status()).contentType(answer.contentType()).result(answer.body());
    }
}
