package io.devopskpi.server;

import io.devopskpi.core.json.KpiJson;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiService;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Set;

/** {@code GET /api/v1/components}: platform re-use for the /kpis query (metrics.md, "Platform re-use"). */
final class ComponentsHandler implements Handler {
    private final TokenAuth auth;
    private final KpiService kpis;
    private final Clock clock;

    ComponentsHandler(TokenAuth auth, KpiService kpis, Clock clock) {
        this.auth = auth;
        this.kpis = kpis;
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx) {
        ReadRequest request = new ReadRequest(ctx, auth, clock);
        KpiQuery query = request.query(ReadRequest.ALL_SCOPES, Set.of());
        request.requireValid();
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(),
                KpiJson.components(ReadRequest.evaluate(() -> kpis.components(query))));
    }
}
