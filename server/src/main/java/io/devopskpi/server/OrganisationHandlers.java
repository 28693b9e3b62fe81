package io.devopskpi.server;

import io.devopskpi.core.governance.ContractTargets;
import io.devopskpi.core.json.ListJson;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.query.ApplicationList;
import io.devopskpi.core.query.Page;
import io.devopskpi.core.query.SupplierKpis;
import io.devopskpi.core.query.TeamList;
import io.devopskpi.core.store.EventReader;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is who: {@code GET /api/v1/applications} (optionally filtered by team or supplier),
 * {@code GET /api/v1/teams} and {@code GET /api/v1/suppliers} (which refuses a scope: it covers every supplier;
 * each with the contract targets in force at the window's start and their verdicts over the window).
 */
final class OrganisationHandlers {
    private final TokenAuth auth;
    private final ApplicationList applications;
    private final TeamList teams;
    private final SupplierKpis suppliers;
    private final ContractTargets targets;
    private final EventReader events;
    private final Clock clock;

    OrganisationHandlers(TokenAuth auth, ApplicationList applications, TeamList teams, SupplierKpis suppliers,
            ContractTargets targets, EventReader events, Clock clock) {
        this.auth = auth;
        this.applications = applications;
        this.teams = teams;
        this.suppliers = suppliers;
        this.targets = targets;
        this.events = events;
        this.clock = clock;
    }

    void applications(Context ctx) {
        ReadRequest request = new ReadRequest(ctx, auth, clock);
        KpiQuery query = request.query(List.of("team", "supplier"), Page.PARAMETERS);
        Page page = request.page();
        request.requireValid();
        Map<String, List<String>> tags = new HashMap<>();
        events.profiles().forEach(p -> tags.put(p.application(), p.tags()));
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(), ListJson.applications(applications.list(query, page), tags));
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
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(), ReadRequest.evaluate(() -> ListJson.suppliers(query,
                suppliers.reports(query), supplier -> targets.verdicts(supplier, query))));
    }
}
