package io.devopskpi.server;

import io.devopskpi.core.hooks.UnmappedAlerts;
import io.devopskpi.core.hooks.UnmappedAlertsJson;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

/** {@code GET /api/v1/hooks/unmapped}: how many alerts no mapping placed, and the last ones with what was looked at. */
final class UnmappedHandler implements Handler {
    private final TokenAuth auth;
    private final UnmappedAlerts unmapped;

    UnmappedHandler(TokenAuth auth, UnmappedAlerts unmapped) {
        this.auth = auth;
        this.unmapped = unmapped;
    }

    @Override
    public void handle(Context ctx) {
        auth.requireRead(ctx);
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(), UnmappedAlertsJson.of(unmapped));
    }
}
