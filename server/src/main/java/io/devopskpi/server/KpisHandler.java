package io.devopskpi.server;

import io.devopskpi.core.json.KpiJson;
import io.devopskpi.core.kpi.InvalidQueryException;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiQueryParser;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.QueryError;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;

/** {@code GET /api/v1/kpis}: the query parameters of api.md in, {@link KpiJson} out. */
final class KpisHandler implements Handler {
    private final TokenAuth auth;
    private final KpiService kpis;
    private final Clock clock;

    KpisHandler(TokenAuth auth, KpiService kpis, Clock clock) {
        this.auth = auth;
        this.kpis = kpis;
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx) {
        auth.requireRead(ctx);
        KpiQuery query;
        try {
            query = KpiQueryParser.parse(ctx.queryParamMap(), clock.instant());
        } catch (InvalidQueryException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST.getCode(), JsonAnswers.queryErrors(e.errors()));
        }
        try {
            JsonAnswers.write(ctx, HttpStatus.OK.getCode(), KpiJson.toJson(kpis.report(query)));
        } catch (IllegalArgumentException e) {
            // the engine's own check of the window against its clock (the parser's clock read was a moment earlier)
            throw new ApiException(HttpStatus.BAD_REQUEST.getCode(),
                    JsonAnswers.queryErrors(List.of(new QueryError("window", e.getMessage()))));
        }
    }
}
