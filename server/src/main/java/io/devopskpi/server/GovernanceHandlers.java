package io.devopskpi.server;

import io.devopskpi.core.export.ScorecardCsv;
import io.devopskpi.core.governance.ComparisonService;
import io.devopskpi.core.governance.GatePolicies;
import io.devopskpi.core.governance.ReviewWindow;
import io.devopskpi.core.governance.Scorecard;
import io.devopskpi.core.governance.ScorecardService;
import io.devopskpi.core.governance.SurveySelection;
import io.devopskpi.core.json.GovernanceJson;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.model.Survey;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.text.Excerpt;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Supplier governance reads (GOVERNANCE-CONTRACT.md): assignments, targets, surveys and policies as stored,
 * scorecards (JSON and CSV) and comparisons. Reads follow the read-token rule of /kpis.
 */
final class GovernanceHandlers {
    private static final String CSV_SUFFIX = ".csv";

    private final TokenAuth auth;
    private final EventReader events;
    private final ScorecardService scorecards;
    private final ComparisonService comparisons;
    private final GatePolicies policies;
    private final Clock clock;

    GovernanceHandlers(TokenAuth auth, EventReader events, ScorecardService scorecards,
            ComparisonService comparisons, GatePolicies policies, Clock clock) {
        this.auth = auth;
        this.events = events;
        this.scorecards = scorecards;
        this.comparisons = comparisons;
        this.policies = policies;
        this.clock = clock;
    }

    /** {@code GET /api/v1/assignments?application=}: all, or one application's history. */
    void assignments(Context ctx) {
        ReadRequest request = new ReadRequest(ctx, auth, clock);
        request.only(Set.of("application"));
        String application = request.optional("application");
        request.requireValid();
        List<Assignment> assignments = application == null ? events.allAssignments()
                : events.allAssignments().stream().filter(a -> a.application().equals(application)).toList();
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(), GovernanceJson.assignments(assignments));
    }

    /** {@code GET /api/v1/targets?supplier=}: every target ever sent (effective-dated), or one supplier's. */
    void targets(Context ctx) {
        ReadRequest request = new ReadRequest(ctx, auth, clock);
        request.only(Set.of("supplier"));
        String supplier = request.optional("supplier");
        request.requireValid();
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(), GovernanceJson.targets(events.targets(supplier)));
    }

    /**
     * {@code GET /api/v1/surveys?supplier=&application=&window|from,to}: the surveys, and their satisfaction;
     * without a window, every survey.
     */
    void surveys(Context ctx) {
        ReadRequest request = new ReadRequest(ctx, auth, clock);
        KpiQuery window = null;
        if (request.hasAny("window", "from", "to")) {
            window = request.query(List.of(), Set.of("supplier", "application"));
        } else {
            request.only(Set.of("supplier", "application"));
        }
        String supplier = request.optional("supplier");
        String application = request.optional("application");
        request.requireValid();
        List<Survey> surveys = SurveySelection.select(events.surveys(), supplier, application, window);
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(),
                GovernanceJson.surveys(surveys, SurveySelection.satisfaction(surveys)));
    }

    /** {@code GET /api/v1/policies}: stored and contract-derived gate policies. */
    void policies(Context ctx) {
        ReadRequest request = new ReadRequest(ctx, auth, clock);
        request.only(Set.of());
        request.requireValid();
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(), GovernanceJson.policies(policies.all(clock.instant())));
    }

    /** {@code GET /api/v1/scorecards/{supplier}} and {@code .../{supplier}.csv}. */
    void scorecard(Context ctx) {
        String name = ctx.pathParam("supplier");
        boolean csv = name.endsWith(CSV_SUFFIX);
        String supplier = csv ? name.substring(0, name.length() - CSV_SUFFIX.length()) : name;
        ReadRequest request = new ReadRequest(ctx, auth, clock);
        request.only(Set.of("period", "environment", "zone"));
        if (supplier.isBlank()) {
            request.refuse("supplier", "supplier must not be blank");
        }
        String environment = request.optional("environment");
        ZoneId zone = zone(request);
        ReviewWindow period = period(request, zone);
        request.requireValid();
        Scorecard card = ReadRequest.evaluate(() -> scorecards.scorecard(supplier, period,
                environment == null ? KpiQuery.DEFAULT_ENVIRONMENT : environment, zone));
        if (csv) {
            ctx.status(HttpStatus.OK.getCode())
                    .contentType(ActivityHandlers.CSV_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"scorecard.csv\"")
                    .result(ScorecardCsv.write(card));
        } else {
            JsonAnswers.write(ctx, HttpStatus.OK.getCode(), GovernanceJson.scorecard(card));
        }
    }

    /** {@code GET /api/v1/comparison?environment=&window|from,to&responsibility=&tag=}. */
    void comparison(Context ctx) {
        ReadRequest request = new ReadRequest(ctx, auth, clock);
        KpiQuery window = request.query(List.of(), Set.of("responsibility", "tag"));
        String side = request.optional("responsibility");
        Responsibility responsibility = null;
        if (side != null) {
            try {
                responsibility = Responsibility.valueOf(side);
            } catch (IllegalArgumentException e) {
                request.refuse("responsibility", "responsibility must be DELIVERY, OPERATIONS or BOTH, got "
                        + Excerpt.quoted(side));
            }
        }
        String tag = request.optional("tag");
        request.requireValid();
        Responsibility chosen = responsibility;
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(), GovernanceJson.comparison(
                ReadRequest.evaluate(() -> comparisons.compare(window, chosen, tag))));
    }

    private static ZoneId zone(ReadRequest request) {
        String text = request.optional("zone");
        if (text == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            request.refuse("zone", "zone must be a time zone such as UTC, +01:00 or Europe/Berlin, got "
                    + Excerpt.quoted(text));
            return ZoneId.of("UTC");
        }
    }

    private ReviewWindow period(ReadRequest request, ZoneId zone) {
        String text = request.optional("period");
        if (text == null) {
            return ReviewWindow.lastCompleteQuarter(clock.instant(), zone);
        }
        try {
            return ReviewWindow.parse(text, zone);
        } catch (IllegalArgumentException e) {
            request.refuse("period", e.getMessage());
            return null;
        }
    }
}
