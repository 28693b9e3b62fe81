package io.devopskpi.server;

import io.devopskpi.core.api.ApiJson;
import io.devopskpi.core.export.KpiMetrics;
import io.devopskpi.core.export.PrometheusWriter;
import io.devopskpi.core.kpi.QueryError;
import io.devopskpi.core.text.Excerpt;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /metrics}: the current KPIs in the Prometheus text format. One scrape computes a report per
 * application and supplier of every environment, so the answer is kept for {@link #TTL}: scrapers (often several,
 * every 15 s) then cost one computation a minute, and 30-day figures do not move faster than that.
 */
final class MetricsHandler implements Handler {
    static final Duration TTL = Duration.ofSeconds(60);

    private final TokenAuth auth;
    private final KpiMetrics metrics;
    private final Clock clock;
    private String cached;
    private Instant computedAt;

    MetricsHandler(TokenAuth auth, KpiMetrics metrics, Clock clock) {
        this.auth = auth;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx) {
        auth.requireRead(ctx);
        Map<String, List<String>> parameters = ctx.queryParamMap();
        if (!parameters.isEmpty()) {
            String name = parameters.keySet().iterator().next();
            throw new ApiException(HttpStatus.BAD_REQUEST.getCode(), ApiJson.queryErrors(List.of(
                    new QueryError(Excerpt.cut(name, Excerpt.MAX_VALUE), "unknown query parameter "
                            + Excerpt.quoted(name) + " (/metrics takes none)"))));
        }
        ctx.status(HttpStatus.OK.getCode()).contentType(PrometheusWriter.CONTENT_TYPE).result(current());
    }

    /** One computation at a time: concurrent scrapes of an expired answer wait for the one under way. */
    private synchronized String current() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(computedAt.plus(TTL))) {
            cached = PrometheusWriter.write(metrics.collect());
            computedAt = now;
        }
        return cached;
    }
}
