package io.devopskpi.server;

import io.devopskpi.core.api.ApiJson;
import io.devopskpi.core.hooks.AlertSource;
import io.devopskpi.core.hooks.HookResult;
import io.devopskpi.core.hooks.HookService;
import io.devopskpi.core.ingest.EventConflictException;
import io.devopskpi.core.ingest.InvalidEventsException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /api/v1/hooks/<tool>}: an alerting tool's webhook, answered like {@code POST /api/v1/events}. */
final class HooksHandler implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(HooksHandler.class);
    /** One notification is small; Alertmanager's largest groups stay far below this. */
    static final int MAX_BODY = 4 * 1024 * 1024;

    private final HookAuth auth;
    private final HookService hooks;
    private final AlertSource source;

    HooksHandler(HookAuth auth, HookService hooks, AlertSource source) {
        this.auth = auth;
        this.hooks = hooks;
        this.source = source;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        auth.require(ctx);
        String body = RequestBody.json(ctx, MAX_BODY);
        HookResult result;
        try {
            result = hooks.receive(source, body);
        } catch (InvalidEventsException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST.getCode(), ApiJson.eventErrors(e.errors()));
        } catch (EventConflictException e) {
            throw new ApiException(HttpStatus.CONFLICT.getCode(), ApiJson.conflict(e.getMessage(), e.index()));
        }
        if (result.unmapped() > 0) {
            LOG.warn("{} unmapped {} alert(s), see GET /api/v1/hooks/unmapped", result.unmapped(), source.key());
        }
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(), result.json());
    }
}
