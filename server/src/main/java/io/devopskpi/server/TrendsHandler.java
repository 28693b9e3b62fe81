package io.devopskpi.server;

import io.devopskpi.core.json.ListJson;
import io.devopskpi.core.kpi.Bucket;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiService;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Set;

/** {@code GET /api/v1/trends}: the /kpis query plus {@code bucket=week|month}, the KPIs of each bucket. */
final class TrendsHandler implements Handler {
    private final TokenAuth auth;
    private final KpiService kpis;
    private final Clock clock;

    TrendsHandler(TokenAuth auth, KpiService kpis, Clock clock) {
        this.auth = auth;
        this.kpis = kpis;
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx) {
        ReadRequest request = new ReadRequest(ctx, auth, clock);
        KpiQuery query = request.query(ReadRequest.ALL_SCOPES, Set.of("bucket"));
        Bucket bucket = request.bucket();
        request.requireValid();
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(),
                ListJson.trend(query, bucket, ReadRequest.evaluate(() -> kpis.trend(query, bucket))));
    }
}
