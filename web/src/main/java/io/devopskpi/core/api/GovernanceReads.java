package io.devopskpi.core.api;

import io.devopskpi.core.export.ScorecardCsv;
import io.devopskpi.core.governance.ComparisonService;
import io.devopskpi.core.governance.GatePolicies;
import io.devopskpi.core.governance.ReviewWindow;
import io.devopskpi.core.governance.Scorecard;
import io.devopskpi.core.governance.ScorecardService;
import io.devopskpi.core.governance.SurveySelection;
import io.devopskpi.core.json.GateJson;
import io.devopskpi.core.json.GovernanceJson;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.model.Severity;
import io.devopskpi.core.model.Survey;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.text.Excerpt;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Supplier governance reads of the read API (GOVERNANCE-CONTRACT.md): assignments, targets, surveys and policies as
 * stored, scorecards (JSON and CSV) and comparisons.
 */
final class GovernanceReads {
    static final String SCORECARDS = "scorecards/";
    private static final String CSV_SUFFIX = ".csv";

    private final EventReader events;
    private final ScorecardService scorecards;
    private final ComparisonService comparisons;
    private final GatePolicies policies;
    private final Clock clock;

    GovernanceReads(Store store, KpiService kpis, Clock clock) {
        this.events = new EventReader(store);
        this.scorecards = new ScorecardService(store, kpis, clock);
        this.comparisons = new ComparisonService(store, kpis);
        this.policies = new GatePolicies(store, GateJson::parse);
        this.clock = clock;
    }

    /** {@code assignments?application=}: all, or one application's history. */
    ApiAnswer assignments(ReadRequest request) {
        request.only(Set.of("application", "offset", "limit"));
        String application = request.optional("application");
        WholeListPage page = request.wholeListPage();
        request.requireValid();
        List<Assignment> assignments = application == null ? events.allAssignments()
                : events.allAssignments().stream().filter(a -> a.application().equals(application)).toList();
        List<Assignment> listed = page.of(assignments);
        return ApiAnswer.json(200, page.described(GovernanceJson.assignments(listed), assignments.size(),
                listed.size()));
    }

    /** {@code targets?supplier=}: every target ever sent (effective-dated), or one supplier's. */
    ApiAnswer targets(ReadRequest request) {
        request.only(Set.of("supplier", "offset", "limit"));
        String supplier = request.optional("supplier");
        WholeListPage page = request.wholeListPage();
        request.requireValid();
        List<ContractTarget> targets = events.targets(supplier);
        List<ContractTarget> listed = page.of(targets);
        return ApiAnswer.json(200, page.described(GovernanceJson.targets(listed), targets.size(), listed.size()));
    }

    /** {@code surveys?supplier=&application=&window|from,to}: the surveys and their satisfaction; no window: all. */
    ApiAnswer surveys(ReadRequest request) {
        KpiQuery window = null;
        if (request.hasAny("window", "from", "to")) {
            window = request.query(List.of(), Set.of("supplier", "application", "offset", "limit"));
        } else {
            request.only(Set.of("supplier", "application", "offset", "limit"));
        }
        String supplier = request.optional("supplier");
        String application = request.optional("application");
        WholeListPage page = request.wholeListPage();
        request.requireValid();
        List<Survey> surveys = SurveySelection.select(events.surveys(), supplier, application, window);
        List<Survey> listed = page.of(surveys);
        return ApiAnswer.json(200, page.described(GovernanceJson.surveys(listed,
                SurveySelection.satisfaction(surveys)), surveys.size(), listed.size()));
    }

    /** {@code policies}: stored and contract-derived gate policies. */
    ApiAnswer policies(ReadRequest request) {
        request.only(Set.of("offset", "limit"));
        WholeListPage page = request.wholeListPage();
        request.requireValid();
        List<GatePolicies.NamedGate> all = policies.all(clock.instant());
        List<GatePolicies.NamedGate> listed = page.of(all);
        return ApiAnswer.json(200, page.described(GovernanceJson.policies(listed), all.size(), listed.size()));
    }

    /** {@code scorecards/{supplier}} and {@code scorecards/{supplier}.csv}; {@code name} is what follows the slash. */
    ApiAnswer scorecard(ReadRequest request, String name) {
        boolean csv = name.endsWith(CSV_SUFFIX);
        String supplier = csv ? name.substring(0, name.length() - CSV_SUFFIX.length()) : name;
        request.only(Set.of("period", "environment", "zone", ReadRequest.MIN_SEVERITY));
        Severity minimum = request.minSeverity();
        if (supplier.isBlank()) {
            request.refuse("supplier", "supplier must not be blank");
        }
        String environment = request.optional("environment");
        ZoneId zone = zone(request);
        ReviewWindow period = period(request, zone);
        request.requireValid();
        Scorecard card = ReadRequest.evaluate(() -> scorecards.scorecard(supplier, period,
                environment == null ? KpiQuery.DEFAULT_ENVIRONMENT : environment, zone, minimum));
        return csv ? new ApiAnswer(200, ReadApi.CSV_TYPE, ScorecardCsv.write(card), "scorecard.csv")
                : ApiAnswer.json(200, GovernanceJson.scorecard(card));
    }

    /** {@code comparison?environment=&window|from,to&responsibility=&tag=}. */
    ApiAnswer comparison(ReadRequest request) {
        KpiQuery window = request.withMinSeverity(request.query(List.of(), Set.of("responsibility", "tag",
                ReadRequest.MIN_SEVERITY)));
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
        return ApiAnswer.json(200, GovernanceJson.comparison(
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
