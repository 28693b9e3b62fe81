package io.devopskpi.core.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.devopskpi.core.export.DeploymentCsv;
import io.devopskpi.core.governance.ContractTargets;
import io.devopskpi.core.json.KpiJson;
import io.devopskpi.core.json.ListJson;
import io.devopskpi.core.kpi.Bucket;
import io.devopskpi.core.kpi.FailedChangeView;
import io.devopskpi.core.kpi.KpiFigures;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.query.ApplicationList;
import io.devopskpi.core.query.ApplicationSummary;
import io.devopskpi.core.query.DeploymentEntry;
import io.devopskpi.core.query.DeploymentList;
import io.devopskpi.core.query.IncidentEntry;
import io.devopskpi.core.query.IncidentList;
import io.devopskpi.core.query.Page;
import io.devopskpi.core.query.ResultPage;
import io.devopskpi.core.query.SupplierKpis;
import io.devopskpi.core.query.TeamList;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.text.Excerpt;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The read side of api.md, {@code GET /api/v1/<endpoint>?<query>}, without HTTP: the standalone server and the
 * Jenkins plugin both answer through it, so the dashboard reads the same JSON from either. Who may read is the
 * caller's business (tokens on the server, Jenkins permissions in the plugin).
 */
public final class ReadApi {
    public static final String CSV_TYPE = "text/csv; charset=utf-8";
    /** {@code scorecards/{supplier}} and {@code scorecards/{supplier}.csv}: the one endpoint with a name in its path. */
    public static final String SCORECARDS = GovernanceReads.SCORECARDS;
    /** What /deployments accepts besides the /kpis query: paging, {@code result} and {@code tag}. */
    private static final Set<String> LIST_PARAMETERS = Set.of("offset", "limit", "result", "tag");

    private final KpiService kpis;
    private final ApplicationList applications;
    private final TeamList teams;
    private final SupplierKpis suppliers;
    private final DeploymentList deployments;
    private final IncidentList incidents;
    private final ContractTargets targets;
    private final EventReader events;
    private final GovernanceReads governance;
    private final Clock clock;
    private final Map<String, Function<ReadRequest, ApiAnswer>> endpoints = new LinkedHashMap<>();

    public ReadApi(Store store, KpiService kpis, Clock clock) {
        this.kpis = kpis;
        this.applications = new ApplicationList(store, clock);
        this.teams = new TeamList(store, clock);
        this.suppliers = new SupplierKpis(store, kpis);
        this.deployments = new DeploymentList(store, kpis);
        this.incidents = new IncidentList(store);
        this.targets = new ContractTargets(store, kpis);
        this.events = new EventReader(store);
        this.governance = new GovernanceReads(store, kpis, clock);
        this.clock = clock;
        endpoints.put("kpis", this::kpis);
        endpoints.put("trends", this::trends);
        endpoints.put("applications", this::applications);
        endpoints.put("teams", this::teams);
        endpoints.put("suppliers", this::suppliers);
        endpoints.put("deployments", this::deployments);
        endpoints.put("failed-changes", this::failedChanges);
        endpoints.put("incidents", this::incidents);
        endpoints.put("components", this::components);
        endpoints.put("export.csv", this::exportCsv);
        endpoints.put("assignments", governance::assignments);
        endpoints.put("targets", governance::targets);
        endpoints.put("surveys", governance::surveys);
        endpoints.put("policies", governance::policies);
        endpoints.put("comparison", governance::comparison);
        endpoints.put("pipelines", this::pipelines);
    }

    /**
     * The endpoints it answers, as they follow {@code /api/v1/}, in the order of api.md; besides them,
     * {@code scorecards/{supplier}} ({@link #SCORECARDS}). {@link #answer} dispatches on exactly these.
     */
    public Set<String> endpoints() {
        return Collections.unmodifiableSet(endpoints.keySet());
    }

    /** The names of {@link #endpoints()}, known without a store. */
    private static final Set<String> NAMES = Set.of("kpis", "trends", "applications", "teams", "suppliers",
            "deployments", "failed-changes", "incidents", "components", "export.csv", "assignments", "targets",
            "surveys", "policies", "comparison", "pipelines");

    /**
     * Whether an API of this version answers this endpoint: what a CI that passes reads on to a central server
     * checks before it asks anything.
     */
    public static boolean isEndpoint(String endpoint) {
        return NAMES.contains(endpoint)
                || endpoint.startsWith(SCORECARDS) && endpoint.indexOf('/', SCORECARDS.length()) < 0;
    }

    /** Whether {@link #answer} knows this endpoint (else it answers 404). */
    public boolean answers(String endpoint) {
        return handler(endpoint) != null;
    }

    /**
     * Answers {@code GET /api/v1/<endpoint>}: 200, 400 naming every refused parameter, or 404 for an unknown
     * endpoint (its name is not echoed).
     *
     * @throws io.devopskpi.core.store.StoreException when the store cannot be read: the caller answers 503 its way
     */
    public ApiAnswer answer(String endpoint, Map<String, List<String>> query) {
        return answer(endpoint, query, null);
    }

    /**
     * As {@link #answer(String, Map)}, for a reader who sees only some applications: the application list leaves
     * the others out (its total and pages count only what is shown). Other answers are the caller's to refuse.
     *
     * @param visibleApplication the applications the reader may see; null for all
     */
    public ApiAnswer answer(String endpoint, Map<String, List<String>> query, Predicate<String> visibleApplication) {
        Function<ReadRequest, ApiAnswer> handler = handler(endpoint);
        if (handler == null) {
            return ApiAnswer.json(404, ApiJson.error("Not Found"));
        }
        try {
            return handler.apply(new ReadRequest(query, clock.instant(), visibleApplication));
        } catch (ReadRequest.BadRequest e) {
            return ApiAnswer.json(400, ApiJson.queryErrors(e.errors()));
        }
    }

    private Function<ReadRequest, ApiAnswer> handler(String endpoint) {
        Function<ReadRequest, ApiAnswer> handler = endpoints.get(endpoint);
        if (handler == null && endpoint.startsWith(SCORECARDS) && endpoint.indexOf('/', SCORECARDS.length()) < 0) {
            String supplier = endpoint.substring(SCORECARDS.length());
            handler = request -> governance.scorecard(request, supplier);
        }
        return handler;
    }

    /** The /kpis query (optionally {@code tag=}: only applications with that tag) in, {@link KpiJson} out. */
    private ApiAnswer kpis(ReadRequest request) {
        KpiQuery query = request.withMinSeverity(request.query(ReadRequest.ALL_SCOPES,
                Set.of("tag", ReadRequest.MIN_SEVERITY)));
        String tag = request.optional("tag");
        request.requireValid();
        return ok(KpiJson.toJson(ReadRequest.evaluate(() -> kpis.report(query, tagged(tag)))));
    }

    /** The /kpis query plus {@code bucket=week|month}: the KPIs of each bucket. */
    private ApiAnswer trends(ReadRequest request) {
        KpiQuery query = request.withMinSeverity(request.query(ReadRequest.ALL_SCOPES,
                Set.of("bucket", "tag", ReadRequest.MIN_SEVERITY)));
        Bucket bucket = request.bucket();
        String tag = request.optional("tag");
        request.requireValid();
        return ok(ListJson.trend(query, bucket, ReadRequest.evaluate(() -> kpis.trend(query, bucket,
                tagged(tag)))));
    }

    /** The applications with the tag (none when no application has it), or null (all) without a tag. */
    private Set<String> tagged(String tag) {
        return tag == null ? null : events.applicationsTagged(tag);
    }

    /** Optionally filtered by team or supplier; each application with its tags. */
    private ApiAnswer applications(ReadRequest request) {
        KpiQuery query = request.query(List.of("team", "supplier"), Page.PARAMETERS);
        Page page = request.page();
        request.requireValid();
        Map<String, List<String>> tags = new HashMap<>();
        events.profiles().forEach(p -> tags.put(p.application(), p.tags()));
        Predicate<String> visible = request.visibleApplication();
        ResultPage<ApplicationSummary> shown = visible == null ? applications.list(query, page)
                : ResultPage.of(applications.all(query).stream().filter(a -> visible.test(a.application())).toList(),
                        page);
        return ok(ListJson.applications(shown, tags));
    }

    private ApiAnswer teams(ReadRequest request) {
        KpiQuery query = request.query(List.of(), Page.PARAMETERS);
        Page page = request.page();
        request.requireValid();
        return ok(ListJson.teams(teams.list(query, page)));
    }

    /**
     * Refuses a scope: it covers every supplier, each with the contract targets in force at the window's start
     * and their verdicts over the window.
     */
    private ApiAnswer suppliers(ReadRequest request) {
        KpiQuery query = request.withMinSeverity(request.query(List.of(), Set.of(ReadRequest.MIN_SEVERITY,
                "offset", "limit")));
        WholeListPage page = request.wholeListPage();
        request.requireValid();
        return ok(ReadRequest.evaluate(() -> {
            List<KpiFigures> all = suppliers.reports(query);
            List<KpiFigures> listed = page.of(all);
            return page.described(ListJson.suppliers(query, listed, supplier -> targets.verdicts(supplier, query)),
                    all.size(), listed.size());
        }));
    }

    /**
     * Deployments of the /kpis query, newest first; optionally only those of one {@code result} (SUCCESS: the
     * deployments deployment frequency counts) and of applications with a {@code tag} (as /kpis).
     */
    private ApiAnswer deployments(ReadRequest request) {
        KpiQuery query = request.query(ReadRequest.ALL_SCOPES, LIST_PARAMETERS);
        Page page = request.page();
        DeploymentResult result = result(request);
        String tag = request.optional("tag");
        request.requireValid();
        if (result == null && tag == null) {
            return ok(ListJson.deployments(ReadRequest.evaluate(() -> deployments.list(query, page))));
        }
        return ok(ListJson.deployments(ResultPage.of(filteredDeployments(query, result, tag), page)));
    }

    private List<DeploymentEntry> filteredDeployments(KpiQuery query, DeploymentResult result, String tag) {
        Set<String> tagged = tagged(tag);
        return ReadRequest.evaluate(() -> deployments.all(query)).stream()
                .filter(d -> d.voided() == null) // a result or tag drills into what the KPIs count
                .filter(d -> result == null || d.result() == result)
                .filter(d -> tagged == null || tagged.contains(d.application()))
                .toList();
    }

    /** {@code result=SUCCESS|FAILURE|ABORTED|UNSTABLE}, or null when absent. */
    private static DeploymentResult result(ReadRequest request) {
        String value = request.optional("result");
        if (value == null) {
            return null;
        }
        try {
            return DeploymentResult.valueOf(value);
        } catch (IllegalArgumentException e) {
            request.refuse("result", "result must be one of SUCCESS, FAILURE, ABORTED, UNSTABLE, got "
                    + Excerpt.quoted(value));
            return null;
        }
    }

    /** Failed changes of the /kpis query (optionally of applications with a {@code tag}), oldest first. */
    private ApiAnswer failedChanges(ReadRequest request) {
        KpiQuery query = request.query(ReadRequest.ALL_SCOPES, Set.of("offset", "limit", "tag"));
        Page page = request.page();
        Set<String> tagged = tagged(request.optional("tag"));
        request.requireValid();
        List<FailedChangeView> all = ReadRequest.evaluate(() -> kpis.failedChanges(query)).stream()
                .filter(f -> tagged == null || tagged.contains(f.application())).toList();
        return ok(ListJson.failedChanges(ResultPage.of(all, page)));
    }

    /**
     * Incidents overlapping the window of the /kpis query, newest first; with {@code startedInWindow=true} only those
     * that started in it (the incidents time to detect and time to resolve count), with {@code tag} only those of
     * applications with that tag, with {@code minSeverity} only those at least that severe.
     */
    private ApiAnswer incidents(ReadRequest request) {
        KpiQuery query = request.withMinSeverity(request.query(ReadRequest.ALL_SCOPES,
                Set.of("offset", "limit", "tag", "startedInWindow", ReadRequest.MIN_SEVERITY)));
        Page page = request.page();
        String started = request.optional("startedInWindow");
        if (started != null && !started.equals("true") && !started.equals("false")) {
            request.refuse("startedInWindow", "startedInWindow must be true or false, got " + Excerpt.quoted(started));
        }
        String tag = request.optional("tag");
        request.requireValid();
        boolean startedOnly = "true".equals(started);
        if (!startedOnly && tag == null) {
            return ok(ListJson.incidents(incidents.list(query, page)));
        }
        Set<String> tagged = tagged(tag);
        List<IncidentEntry> all = new ArrayList<>();
        for (int offset = 0; ; offset += Page.MAX_LIMIT) {
            ResultPage<IncidentEntry> slice = incidents.list(query, new Page(offset, Page.MAX_LIMIT));
            all.addAll(slice.items());
            if (slice.items().isEmpty() || offset + Page.MAX_LIMIT >= slice.total()) {
                break;
            }
        }
        return ok(ListJson.incidents(ResultPage.of(all.stream()
                .filter(i -> i.voided() == null) // a filter drills into what the KPIs count
                .filter(i -> !startedOnly || !i.started().isBefore(query.from()))
                .filter(i -> tagged == null || tagged.contains(i.application())).toList(), page)));
    }

    /**
     * The pipelines (for Jenkins: job full names) that deployed anything, or with {@code application=} that
     * application, sorted, voided deployments left out: what a CI that reads from a central server needs to apply
     * its own read permissions (an application is readable with every pipeline that deployed it).
     */
    private ApiAnswer pipelines(ReadRequest request) {
        request.only(Set.of("application", "offset", "limit"));
        String application = request.optional("application");
        WholeListPage page = request.wholeListPage();
        request.requireValid();
        List<String> all = application == null ? events.allPipelines() : events.pipelines(application);
        List<String> listed = page.of(all);
        JsonObject json = new JsonObject();
        JsonArray items = new JsonArray();
        listed.forEach(items::add);
        json.add("pipelines", items);
        return ok(page.described(json, all.size(), listed.size()));
    }

    /** Platform re-use for the /kpis query (metrics.md, "Platform re-use"). */
    private ApiAnswer components(ReadRequest request) {
        KpiQuery query = request.query(ReadRequest.ALL_SCOPES, Set.of());
        request.requireValid();
        return ok(KpiJson.components(ReadRequest.evaluate(() -> kpis.components(query))));
    }

    /**
     * Every deployment of the scope and window but the voided ones (optionally of one {@code result} and
     * {@code tag}), as a download.
     */
    private ApiAnswer exportCsv(ReadRequest request) {
        KpiQuery query = request.query(ReadRequest.ALL_SCOPES, Set.of("result", "tag"));
        DeploymentResult result = result(request);
        String tag = request.optional("tag");
        request.requireValid();
        // voided deployments are left out: the export holds what the KPIs count (api.md, "Void")
        String csv = DeploymentCsv.write(filteredDeployments(query, result, tag));
        return new ApiAnswer(200, CSV_TYPE, csv, "devops-kpi-deployments.csv");
    }

    private static ApiAnswer ok(JsonElement body) {
        return ApiAnswer.json(200, body);
    }
}
