package io.devopskpi.server;

import io.devopskpi.core.api.ApiJson;
import io.devopskpi.core.export.KpiMetrics;
import io.devopskpi.core.export.MetricFamily;
import io.devopskpi.core.export.ProcessMetrics;
import io.devopskpi.core.export.PrometheusWriter;
import io.devopskpi.core.kpi.QueryError;
import io.devopskpi.core.text.Excerpt;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /metrics}: the server's build, request and ingest counters, the current KPIs and the process and JVM
 * figures in the Prometheus text format. One scrape computes a report per application and supplier of every
 * environment, so the KPIs are kept for {@link #TTL}: scrapers (often several, every 15 s) then cost one computation
 * a minute, and figures over days do not move faster than that. The counters and JVM figures are read at every
 * scrape.
 */
final class MetricsHandler implements Handler {
    static final Duration TTL = Duration.ofSeconds(60);

    private final TokenAuth auth;
    private final ServerMetrics server;
    private final KpiMetrics metrics;
    private final Clock clock;
    private final ReadBudget budget;
    private List<MetricFamily> cached;
    private Instant computedAt;

    MetricsHandler(TokenAuth auth, ServerMetrics server, KpiMetrics metrics, Clock clock, ReadBudget budget) {
        this.budget = budget;
        this.auth = auth;
        this.server = server;
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
        ctx.status(HttpStatus.OK.getCode()).contentType(PrometheusWriter.CONTENT_TYPE)
                .result(PrometheusWriter.write(families()));
    }

    private List<MetricFamily> families() {
        List<MetricFamily> families = new ArrayList<>(server.families());
        families.addAll(kpis());
        families.addAll(ProcessMetrics.collect());
        return families;
    }

    /** One computation at a time: concurrent scrapes of expired KPIs wait for the one under way. */
    private synchronized List<MetricFamily> kpis() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(computedAt.plus(TTL))) {
            cached = budget.run("metrics", metrics::collect);
            computedAt = now;
        }
        return cached;
    }
}
