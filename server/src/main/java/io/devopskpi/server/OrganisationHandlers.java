package io.devopskpi.server;

import io.devopskpi.core.json.ListJson;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.query.ApplicationList;
import io.devopskpi.core.query.Page;
import io.devopskpi.core.query.SupplierKpis;
import io.devopskpi.core.query.TeamList;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Who is who: {@code GET /api/v1/applications} (optionally filtered by team or supplier),
 * {@code GET /api/v1/teams} and {@code GET /api/v1/suppliers} (which refuses a scope: it covers every supplier).
 */
final class OrganisationHandlers {
    private final TokenAuth auth;
    private final ApplicationList applications;
    private final TeamList teams;
    private final SupplierKpis suppliers;
    private final Clock clock;

    OrganisationHandlers(TokenAuth auth, ApplicationList applications, TeamList teams, SupplierKpis suppliers,
            Clock clock) {
        this.auth = auth;
        this.applications = applications;
        this.teams = teams;
        this.suppliers = suppliers;
        this.clock = clock;
    }

    void applications(Context ctx) {
        ReadRequest request = new ReadRequest(ctx, auth, clock);
        KpiQuery query = request.query(List.of("team", "supplier"), Page.PARAMETERS);
        Page page = request.page();
        request.requireValid();
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(), ListJson.applications(applications.list(query, page)));
    }

    void teams(Context ctx) {
        ReadRequest request = new ReadRequest(ctx, auth, clock);
        KpiQuery query = request.query(List.of(), Page.PARAMETERS);
        Page page = request.page();
        request.requireValid();
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(), ListJson.teams(teams.list(query, page)));
    }

    void suppliers(Context ctx) {
        ReadRequest request = new ReadRequest(ctx, auth, clock);
        KpiQuery query = request.query(List.of(), Set.of());
        request.requireValid();
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(),
                ListJson.suppliers(query, ReadRequest.evaluate(() -> suppliers.reports(query))));
    }
}
