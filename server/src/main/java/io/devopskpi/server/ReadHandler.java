package io.devopskpi.server;

import io.devopskpi.core.api.ApiAnswer;
import io.devopskpi.core.api.ReadApi;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** {@code GET /api/v1/<endpoint>}: the read token checked, then core's {@link ReadApi} answers. */
final class ReadHandler implements Handler {
    private final TokenAuth auth;
    private final ReadApi api;
    private final java.util.function.Function<Context, String> endpoint;
    private final ReadBudget budget;

    /** @param endpoint what follows {@code /api/v1/}, from the request (a fixed name, or with a path parameter) */
    ReadHandler(TokenAuth auth, ReadApi api, java.util.function.Function<Context, String> endpoint,
            ReadBudget budget) {
        this.auth = auth;
        this.budget = budget;
        this.api = api;
        this.endpoint = endpoint;
    }

    @Override
    public void handle(Context ctx) {
        auth.requireRead(ctx);
        String name = endpoint.apply(ctx);
        ApiAnswer answer = budget.run(name, () -> api.answer(name, ctx.queryParamMap()));
        if (answer.attachment() != null) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + answer.attachment() + "\"");
        }
        ctx.status(answer.status()).contentType(answer.contentType()).result(answer.body());
    }
}
