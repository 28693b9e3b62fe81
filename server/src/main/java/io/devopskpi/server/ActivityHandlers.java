package io.devopskpi.server;

import io.devopskpi.core.export.DeploymentCsv;
import io.devopskpi.core.json.ListJson;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.query.DeploymentList;
import io.devopskpi.core.query.IncidentList;
import io.devopskpi.core.query.Page;
import io.devopskpi.core.query.ResultPage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Set;

/**
 * What happened in a window: {@code GET /api/v1/deployments}, {@code /failed-changes} and {@code /incidents}
 * (paged), and {@code GET /api/v1/export.csv} (every deployment of the scope and window).
 */
final class ActivityHandlers {
    static final String CSV_TYPE = "text/csv; charset=utf-8";

    private final TokenAuth auth;
    private final KpiService kpis;
    private final DeploymentList deployments;
    private final IncidentList incidents;
    private final Clock clock;

    ActivityHandlers(TokenAuth auth, KpiService kpis, DeploymentList deployments, IncidentList incidents,
            Clock clock) {
        this.auth = auth;
        this.kpis = kpis;
        this.deployments = deployments;
        this.incidents = incidents;
        this.clock = clock;
    }

    void deployments(Context ctx) {
        ReadRequest request = new ReadRequest(ctx, auth, clock);
        KpiQuery query = request.query(ReadRequest.ALL_SCOPES, Page.PARAMETERS);
        Page page = request.page();
        request.requireValid();
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(),
                ListJson.deployments(ReadRequest.evaluate(() -> deployments.list(query, page))));
    }

    void failedChanges(Context ctx) {
        ReadRequest request = new ReadRequest(ctx, auth, clock);
        KpiQuery query = request.query(ReadRequest.ALL_SCOPES, Page.PARAMETERS);
        Page page = request.page();
        request.requireValid();
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(), ListJson.failedChanges(
                ResultPage.of(ReadRequest.evaluate(() -> kpis.failedChanges(query)), page)));
    }

    void incidents(Context ctx) {
        ReadRequest request = new ReadRequest(ctx, auth, clock);
        KpiQuery query = request.query(ReadRequest.ALL_SCOPES, Page.PARAMETERS);
        Page page = request.page();
        request.requireValid();
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(), ListJson.incidents(incidents.list(query, page)));
    }

    void exportCsv(Context ctx) {
        ReadRequest request = new ReadRequest(ctx, auth, clock);
        KpiQuery query = request.query(ReadRequest.ALL_SCOPES, Set.of());
        request.requireValid();
        String csv = DeploymentCsv.write(ReadRequest.evaluate(() -> deployments.all(query)));
        ctx.status(HttpStatus.OK.getCode())
                .contentType(CSV_TYPE)
                .header("Content-Disposition", "attachment; filename=\"devops-kpi-deployments.csv\"")
                .result(csv);
    }
}
