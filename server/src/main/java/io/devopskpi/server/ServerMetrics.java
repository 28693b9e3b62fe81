package io.devopskpi.server;

import io.devopskpi.core.export.Counter;
import io.devopskpi.core.export.MetricFamily;
import io.devopskpi.core.export.MetricSample;
import io.devopskpi.core.ingest.IngestResult;
import java.util.List;
import java.util.Map;

/**
 * What the server counts about itself for {@code /metrics}: its build, the HTTP requests it answered (by route
 * pattern, method and status, so that the series stay few) and the events {@code POST /api/v1/events} took or
 * refused.
 */
final class ServerMetrics {
    /** The route of a request that matched no endpoint (a 404 names no pattern; its path must not become a label). */
    static final String UNMATCHED = "unmatched";

    private final String version;
    private final Counter requests = new Counter("devops_kpi_http_requests_total",
            "HTTP requests answered, by route pattern, method and status", "route", "method", "status");
    private final Counter events = new Counter("devops_kpi_ingest_events_total",
            "Events POST /api/v1/events stored (accepted), found unchanged (duplicate) or applied as updates (updated)",
            "outcome");
    private final Counter refused = new Counter("devops_kpi_ingest_refused_batches_total",
            "Batches POST /api/v1/events refused as a whole: invalid (400) or in conflict with stored events (409)",
            "reason");

    ServerMetrics() {
        version = version();
        for (String outcome : List.of("accepted", "duplicate", "updated")) {
            events.add(0, outcome);
        }
        for (String reason : List.of("invalid", "conflict")) {
            refused.add(0, reason);
        }
    }

    void request(String route, String method, int status) {
        requests.add(1, route, method, Integer.toString(status));
    }

    void ingested(IngestResult result) {
        events.add(result.accepted(), "accepted");
        events.add(result.duplicates(), "duplicate");
        events.add(result.updated(), "updated");
    }

    void refused(String reason) {
        refused.add(1, reason);
    }

    /** Build info first, then the counters. */
    List<MetricFamily> families() {
        return List.of(new MetricFamily("devops_kpi_build_info", "The server's version; always 1",
                        List.of(new MetricSample(Map.of("version", version), 1))),
                events.family(), refused.family(), requests.family());
    }

    /** The project version Maven wrote into build.properties. */
    private static String version() {
        return BuildVersion.version();
    }
}
