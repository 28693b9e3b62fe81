package io.devopskpi.core.remote;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.devopskpi.core.api.ApiAnswer;
import io.devopskpi.core.embedded.BoundedCalls;
import io.devopskpi.core.embedded.EventIntake;
import io.devopskpi.core.embedded.IncidentResolutions;
import io.devopskpi.core.embedded.KpiReads;
import io.devopskpi.core.embedded.Patience;
import io.devopskpi.core.gate.GatePolicyLookup;
import io.devopskpi.core.gate.GateVerdict;
import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.gate.KpiGateEvaluator;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.query.ApplicationSummary;
import io.devopskpi.core.query.TeamSummary;
import io.devopskpi.core.store.StoreException;
import io.devopskpi.core.summary.HeadlineFigures;
import io.devopskpi.core.summary.KpiSummary;
import io.devopskpi.core.summary.RecentSummaries;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * devops-kpi inside a CI server that keeps no store of its own: events go through the durable outbox to a central
 * devops-kpi server ({@link ServerSink}, {@link OutboxDelivery} with its backoff), and pages and gates read from
 * that server's HTTP API with the read token. Each read waits at most its {@link Patience} and then says "not
 * available"; a build waits only for the outbox's disk write (or, for a step that wants its event stored at once,
 * {@link Patience#store()}).
 */
public final class RemoteKpis implements KpiReads, EventIntake, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteKpis.class);
    private static final Duration POLL = Duration.ofMillis(10);
    private static final String KPIS = "/api/v1/kpis";
    private static final String DEPLOYMENTS = "/api/v1/deployments";
    private static final String PIPELINES = "/api/v1/pipelines";
    private static final String ASSIGNMENTS = "/api/v1/assignments";
    private static final String APPLICATIONS = "/api/v1/applications";
    private static final String TEAMS = "/api/v1/teams";
    private static final String INCIDENTS = "/api/v1/incidents";
    /** The longest window the server takes: "every deployment ever stored". */
    private static final String ALL_TIME = "P36525D";

    private final CentralServer server;
    private final Outbox outbox;
    private final OutboxDelivery delivery;
    private final RecordedIncidents incidents;
    private final SentEnvironments environments;
    private final IncidentResolutions resolutions;
    private final Patience patience;
    private final Clock clock;
    private final RemoteGate gates;
    private final BoundedCalls calls = new BoundedCalls("devops-kpi central server");
    private final RecentSummaries summaries = new RecentSummaries();

    /** Starts delivering what the outbox holds (a restart's leftovers) at once. */
    public RemoteKpis(CentralServer server, Outbox outbox, Patience patience, Clock clock) throws IOException {
        this(server, outbox, patience, clock, Backoff.DEFAULT);
    }

    public RemoteKpis(CentralServer server, Outbox outbox, Patience patience, Clock clock, Backoff backoff)
            throws IOException {
        this.server = server;
        this.outbox = outbox;
        this.incidents = new RecordedIncidents(outbox.directory().resolve("incidents"));
        this.environments = new SentEnvironments(outbox.directory().resolve("environments"));
        this.resolutions = new IncidentResolutions(outbox.directory().resolve("resolutions"));
        this.patience = patience;
        this.clock = clock;
        this.gates = new RemoteGate(server);
        ServerSink sink = new ServerSink(server);
        this.delivery = new OutboxDelivery(outbox, event -> {
            sink.accept(event);
            noteEnvironment(event);
        }, () -> resolutions.apply(this::listedIncident, outbox::put), backoff, clock);
        delivery.soon();
    }

    public CentralServer server() {
        return server;
    }

    /** How the delivery to the server fares: failures in a row and the wait before the next try. */
    public Backoff backoff() {
        return delivery.backoff();
    }

    @Override
    public void submit(Event event) throws IOException {
        remember(event);
        outbox.put(event);
        delivery.soon();
    }

    @Override
    public boolean submitNow(Event event) throws IOException {
        remember(event);
        String name = outbox.put(event);
        delivery.soon();
        Instant giveUp = Instant.now().plus(patience.store());
        while (outbox.isPending(name) && Instant.now().isBefore(giveUp)) {
            pause();
        }
        return !outbox.isPending(name) && !outbox.isRejected(name);
    }

    /**
     * Ends an incident this controller recorded (it keeps the fields an update must repeat: application,
     * environment, start), or else one the central server lists (another controller's, an alerting tool's): looked
     * up by id, newest first, in production and the environments this controller delivered to, within
     * {@link Patience#read()}. When the server cannot be asked, the resolution waits on disk and the delivery
     * thread looks the incident up and sends it once the server answers.
     *
     * @return true when the server stored it now, false when it waits
     * @throws IllegalArgumentException when neither this controller nor the server knows an incident of that id
     */
    @Override
    public boolean resolveNow(String id, Instant resolved) throws IOException {
        Optional<Incident> recorded = incidents.find(id);
        if (recorded.isEmpty()) {
            try {
                recorded = ask(patience.read(), () -> listedIncident(id));
            } catch (StoreException e) {
                LOG.info("devops-kpi: the resolution of incident {} waits for the central server: {}", id,
                        e.getMessage());
                resolutions.put(id, resolved);
                delivery.soon();
                return false;
            }
        }
        Incident incident = recorded.orElseThrow(() -> new IllegalArgumentException("no incident '" + id
                + "' was recorded on this controller or is listed by the central server in " + String.join(", ",
                        searchedEnvironments()) + " (the environments this controller delivered to)"));
        return submitNow(IncidentResolutions.resolution(incident, resolved));
    }

    /**
     * The incident of that id as the server's {@code GET /api/v1/incidents} lists it (over its longest window,
     * newest first) in production or an environment this controller delivered to: its id, application,
     * environment and start, what a resolution repeats; on the caller's thread.
     */
    private Optional<Incident> listedIncident(String id) {
        for (String environment : searchedEnvironments()) {
            Optional<JsonObject> listed = ServerReads.first(server, INCIDENTS + "?environment=" + encode(environment)
                    + "&window=" + ALL_TIME, "incidents", entry -> id.equals(entry.get("id").getAsString()));
            if (listed.isPresent()) {
                return Optional.of(ServerKpis.incident(listed.get()));
            }
        }
        return Optional.empty();
    }

    private List<String> searchedEnvironments() {
        Set<String> environments = new LinkedHashSet<>(List.of(KpiQuery.DEFAULT_ENVIRONMENT));
        environments.addAll(this.environments.all());
        return List.copyOf(environments);
    }

    private void remember(Event event) throws IOException {
        if (event instanceof Incident incident && incident.resolved() == null) {
            incidents.remember(incident);
        }
    }

    /** The newest SUCCESS deployment of the application to the environment, as the server lists them. */
    @Override
    public Optional<String> lastSuccessfulDeployment(String application, String environment) {
        return ask(patience.lookup(), () -> {
            String path = DEPLOYMENTS + "?application=" + encode(application) + "&environment=" + encode(environment)
                    + "&result=SUCCESS&window=" + ALL_TIME + "&limit=1";
            JsonArray deployments = list(path, "deployments");
            return deployments.isEmpty() ? Optional.<String>empty()
                    : Optional.of(deployments.get(0).getAsJsonObject().get("id").getAsString());
        });
    }

    /**
     * The server's {@code /api/v1/kpis} for the scope over the last 30 days, reused for a minute. A page waits at
     * most {@link Patience#page()}; an answer that comes later is kept for the next view.
     */
    @Override
    public KpiSummary summary(String label, Scope scope, String environment) {
        String key = scope + "\n" + environment;
        Instant now = clock.instant();
        Optional<KpiSummary> known = summaries.fresh(key, now);
        if (known.isPresent()) {
            return known.get();
        }
        try {
            return ask(patience.page(), () -> {
                KpiSummary computed = ServerKpis.summary(label, read(kpisPath(scope, environment)));
                summaries.put(key, now, computed);
                return computed;
            });
        } catch (RuntimeException e) {
            return KpiSummary.unavailable(label, e.getMessage());
        }
    }

    /** The server's {@code GET /api/v1/pipelines?application=}: every pipeline that deployed it, anywhere. */
    @Override
    public List<String> pipelines(String application) {
        return strings(list(PIPELINES + "?application=" + encode(application), "pipelines"));
    }

    /** The server's {@code GET /api/v1/pipelines}: every pipeline that deployed anything. */
    @Override
    public List<String> allPipelines() {
        return strings(list(PIPELINES, "pipelines"));
    }

    /** The server's {@code GET /api/v1/applications} for the query's environment and exact window, every page. */
    @Override
    public List<ApplicationSummary> applications(KpiQuery query) {
        return ServerReads.whole(server, APPLICATIONS + window(query), "applications").stream()
                .map(ServerKpis::application).toList();
    }

    /** The server's {@code GET /api/v1/teams} for the query's environment and exact window, every page. */
    @Override
    public List<TeamSummary> teams(KpiQuery query) {
        return ServerReads.whole(server, TEAMS + window(query), "teams").stream().map(ServerKpis::team).toList();
    }

    /**
     * No pipeline deployed anything ({@code GET /api/v1/pipelines}) and no application is listed in production
     * over the longest window ({@code GET /api/v1/applications}: deployments, incidents, assignments). The server
     * counts no events for its readers, so data of other environments without pipeline names goes unseen here.
     */
    @Override
    public boolean holdsNoData() {
        return total(PIPELINES + "?limit=1") == 0
                && total(APPLICATIONS + "?environment=" + KpiQuery.DEFAULT_ENVIRONMENT + "&window=" + ALL_TIME
                        + "&limit=1") == 0;
    }

    private long total(String pathAndQuery) {
        JsonObject answer = read(pathAndQuery);
        if (!answer.has("total") || !answer.get("total").isJsonPrimitive()) {
            throw new ServerUnavailableException(server.where(pathAndQuery) + " answered without 'total'");
        }
        return answer.get("total").getAsLong();
    }

    /** The query's environment and its exact window, {@code from} and {@code to}, as a query string. */
    private static String window(KpiQuery query) {
        return "?environment=" + encode(query.environment()) + "&from=" + encode(query.from().toString()) + "&to="
                + encode(query.to().toString());
    }

    private static List<String> strings(JsonArray items) {
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.getAsString()));
        return values;
    }

    @Override
    public <T> T read(Callable<T> call) {
        return ask(patience.read(), call);
    }

    @Override
    public <T> T readForPage(Callable<T> call) {
        return ask(patience.page(), call);
    }

    /** The server's {@code GET /api/v1/assignments?application=}: every assignment of the application. */
    @Override
    public List<Assignment> assignments(String application) {
        List<Assignment> assignments = new ArrayList<>();
        for (JsonElement item : list(ASSIGNMENTS + "?application=" + encode(application), "assignments")) {
            assignments.add(ServerKpis.assignment(item.getAsJsonObject()));
        }
        return assignments;
    }

    /**
     * The server's answer to the same read, passed on: its status (200, 400, 404), type, body and attachment name.
     * A token the server refuses, or a server that cannot answer, is a 503 saying so. For a reader who sees only
     * some applications the application list is read whole, cut down to those, and paged here.
     *
     * @throws StoreException when the server cannot be reached in time
     */
    @Override
    public ApiAnswer answer(String endpoint, Map<String, List<String>> query, Predicate<String> visibleApplication) {
        ApiAnswer answer = ServerReads.forward(server, endpoint, query);
        if (visibleApplication == null || answer.status() != 200) {
            return answer;
        }
        return ServerReads.applicationsFor(server, query, visibleApplication);
    }

    /** The server's {@code /api/v1/kpis} for the query's scope, environment and exact window. */
    @Override
    public HeadlineFigures figures(KpiQuery query) {
        String path = KPIS + window(query);
        Scope scope = query.scope();
        return ServerKpis.figures(read(scope.kind() == Scope.Kind.ALL ? path
                : path + "&" + scope.parameter() + "=" + encode(scope.name())));
    }

    /**
     * The server's verdict within {@link Patience#gate()}; its policies come from the server too. When the server
     * cannot judge, every threshold of {@code fallback} lacks data and the verdict says why.
     */
    @Override
    public GateVerdict judge(Function<GatePolicyLookup, KpiGate> gateOf, KpiGate fallback) {
        try {
            return ask(patience.gate(), () -> gates.judge(gateOf.apply(gates.policies())));
        } catch (StoreException e) {
            if (fallback == null) {
                throw e;
            }
            return KpiGateEvaluator.unavailable(fallback, "the central server is not usable: " + e.getMessage());
        }
    }

    /**
     * The environments of the deployments and incidents this controller delivered to the server, sorted: the
     * server's read API lists no environments.
     */
    @Override
    public List<String> knownEnvironments() {
        return environments.all();
    }

    /** A suggestion is not worth a failed delivery: the event is stored on the server, whatever happens here. */
    private void noteEnvironment(Event event) {
        try {
            environments.sent(event);
        } catch (IOException e) {
            LOG.warn("devops-kpi: the environment of a delivered event is not kept for the forms' suggestions: {}",
                    e.toString());
        }
    }

    @Override
    public List<String> policyNames() {
        return ask(patience.page(), gates::policyNames);
    }

    /** Whether the server is up, as its health check says (200 {"status": "UP"}), with what it found. */
    public String health() {
        HttpResponse<String> response = server.getPublic("/api/v1/health");
        return "HTTP " + response.statusCode() + " " + ServerAnswers.object(response.body());
    }

    private JsonObject read(String pathAndQuery) {
        HttpResponse<String> response = server.get(pathAndQuery);
        server.requireAvailable(pathAndQuery, response);
        if (response.statusCode() != 200) {
            throw new ServerUnavailableException(server.where(pathAndQuery) + " answered HTTP "
                    + response.statusCode() + ": " + ServerAnswers.error(response.body()));
        }
        return ServerAnswers.object(response.body());
    }

    private JsonArray list(String pathAndQuery, String items) {
        JsonObject answer = read(pathAndQuery);
        if (!answer.has(items) || !answer.get(items).isJsonArray()) {
            throw new ServerUnavailableException(server.where(pathAndQuery) + " answered without '" + items + "'");
        }
        return answer.getAsJsonArray(items);
    }

    private static String kpisPath(Scope scope, String environment) {
        String path = KPIS + "?environment=" + encode(environment) + "&window=P"
                + KpiQuery.DEFAULT_WINDOW.toDays() + "D";
        return scope.kind() == Scope.Kind.ALL ? path : path + "&" + scope.parameter() + "=" + encode(scope.name());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The call's answer within {@code wait}; the server's "not now" becomes the store's, as callers expect. */
    private <T> T ask(Duration wait, Callable<T> call) {
        return calls.within(wait, () -> {
            try {
                return call.call();
            } catch (ServerUnavailableException e) {
                throw new StoreException(e.getMessage(), e);
            }
        });
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the delivery thread and the calls; what is queued stays on disk for the next start. */
    @Override
    public void close() {
        delivery.close();
        calls.close();
    }
}
