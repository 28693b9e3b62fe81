package io.devopskpi.server;

import io.devopskpi.core.api.ApiJson;
import io.devopskpi.core.api.ReadApi;
import io.devopskpi.core.export.KpiMetrics;
import io.devopskpi.core.gate.KpiGateEvaluator;
import io.devopskpi.core.governance.GatePolicies;
import io.devopskpi.core.hooks.AlertSource;
import io.devopskpi.core.hooks.HookService;
import io.devopskpi.core.hooks.UnmappedAlerts;
import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.json.GateJson;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.query.ApplicationList;
import io.devopskpi.core.query.EnvironmentList;
import io.devopskpi.core.query.SupplierKpis;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone HTTP API (api.md) over one store: {@code POST /api/v1/events}, {@code GET /api/v1/kpis},
 * {@code GET /api/v1/health}, the dashboard's reads, {@code GET /api/v1/openapi.json} (this API described in
 * OpenAPI 3.1) and {@code GET /metrics}. Every answer but the CSV export and
 * the Prometheus text is JSON; all carry security headers; errors carry no stack traces.
 */
public final class KpiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KpiServer.class);
    /**
     * A client gets between this and twice this to send the headers of a request ({@link HeaderTimeout}); the body
     * and idle keep-alive connections have Jetty's idle timeout (30 s).
     */
    static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);

    private final Javalin app;
    private final Store store;
    private final HealthHandler health;
    private final String host;

    private KpiServer(Javalin app, Store store, HealthHandler health, String host) {
        this.app = app;
        this.store = store;
        this.health = health;
        this.host = host;
    }

    /**
     * Opens the store (migrating its schema), settles the write token and starts listening.
     *
     * @throws StoreException when the store cannot be used
     */
    public static KpiServer start(ServerOptions options) {
        return start(options, HookOptions.defaults());
    }

    /**
     * Like {@link #start(ServerOptions)}, with the alerting webhooks set up by {@code hooks}.
     *
     * @throws StoreException when the store cannot be used
     */
    public static KpiServer start(ServerOptions options, HookOptions hooks) {
        Store store = Store.open(options.store());
        HealthHandler health = new HealthHandler(store);
        Javalin app = null;
        try {
            TokenHash write = options.writeToken() != null ? TokenHash.of(options.writeToken())
                    : WriteTokens.establish(store, System.out);
            TokenAuth auth = new TokenAuth(write, options.writersFile() == null ? null
                    : new NamedWriters(options.writersFile()), options.readToken() == null ? null
                    : TokenHash.of(options.readToken()));
            ServerMetrics metrics = new ServerMetrics();
            app = Javalin.create(config -> configure(config, metrics));
            app.before(SecurityHeaders::apply);
            Ingestor ingestor = new Ingestor(store, options.clock());
            app.post("/api/v1/events", new EventsHandler(auth, ingestor, metrics));
            routeHooks(app, auth, ingestor, hooks, options.clock());
            KpiService kpis = new KpiService(store, options.settings(), options.clock());
            GatePolicies policies = new GatePolicies(store, GateJson::parse);
            app.post("/api/v1/gate", new GateHandler(auth, new KpiGateEvaluator(kpis), policies, options.clock()));
            routeReads(app, store, auth, kpis, options.clock());
            app.get("/metrics", new MetricsHandler(auth, metrics, new KpiMetrics(kpis, new EnvironmentList(store),
                    new ApplicationList(store, options.clock()), new SupplierKpis(store, kpis), options.clock(),
                    options.metricsWindow()), options.clock()));
            app.get("/api/v1/health", health);
            app.get("/api/v1/openapi.json", new OpenApiHandler());
            app.get("/api/v1/backup", new BackupHandler(auth, store, options.clock()));
            Dashboard.register(app);
            handleErrors(app);
            app.start(options.bind(), options.port());
            limitHeaderTime(app);
            return new KpiServer(app, store, health, options.bind());
        } catch (RuntimeException e) {
            if (app != null) {
                app.stop();
            }
            health.close();
            store.close();
            throw e;
        }
    }

    /** The read endpoints of the dashboard pages (DASHBOARD-CONTRACT.md), answered by core. */
    private static void routeReads(Javalin app, Store store, TokenAuth auth, KpiService kpis, Clock clock) {
        ReadApi api = new ReadApi(store, kpis, clock);
        for (String endpoint : api.endpoints()) {
            app.get("/api/v1/" + endpoint, new ReadHandler(auth, api, ctx -> endpoint));
        }
        app.get("/api/v1/scorecards/{supplier}", new ReadHandler(auth, api,
                ctx -> "scorecards/" + ctx.pathParam("supplier")));
    }

    /** The alerting tools' webhooks (api.md, "Incidents from alerting tools") and their unmapped alerts. */
    private static void routeHooks(Javalin app, TokenAuth auth, Ingestor ingestor, HookOptions options, Clock clock) {
        UnmappedAlerts unmapped = new UnmappedAlerts();
        HookService hooks = new HookService(ingestor, options.mappings(), unmapped, clock);
        HookAuth hookAuth = new HookAuth(auth, options.hookToken());
        for (AlertSource source : AlertSource.values()) {
            app.post("/api/v1/hooks/" + source.key(), new HooksHandler(hookAuth, hooks, source));
        }
        app.get("/api/v1/hooks/unmapped", new UnmappedHandler(auth, unmapped));
    }

    /** Every connector of the started server cuts off clients that trickle their headers. */
    private static void limitHeaderTime(Javalin app) {
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector started) {
                started.addBean(new HeaderTimeout(started.getScheduler(), HEADER_TIMEOUT));
            }
        }
    }

    /** The store this server opened (and closes). */
    public Store store() {
        return store;
    }

    private static void configure(JavalinConfig config, ServerMetrics metrics) {
        config.showJavalinBanner = false;
        config.http.defaultContentType = JsonAnswers.CONTENT_TYPE;
        config.http.maxRequestSize = EventsHandler.MAX_BODY;
        config.http.prefer405over404 = true;
        config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
        config.requestLogger.http((ctx, millis) -> {
            logRequest(ctx, millis);
            metrics.request(route(ctx), ctx.method().name(), ctx.statusCode());
        });
    }

    private static void handleErrors(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> JsonAnswers.write(ctx, e.status(), e.body()));
        // Javalin's own answers (no such endpoint, method not allowed) by status text: no request data echoed
        app.exception(HttpResponseException.class, (e, ctx) -> JsonAnswers.write(ctx, e.getStatus(),
                ApiJson.error(HttpStatus.forStatus(e.getStatus()).getMessage())));
        app.exception(StoreException.class, (e, ctx) -> {
            LOG.warn("store unusable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            JsonAnswers.write(ctx, HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                    ApiJson.error("the store is not usable right now, try again later"));
        });
        app.exception(Exception.class, (e, ctx) -> {
            String id = ApiJson.newErrorId();
            LOG.error("internal error, id {}, on {} {}", id, ctx.method(), ctx.path(), e);
            JsonAnswers.write(ctx, HttpStatus.INTERNAL_SERVER_ERROR.getCode(), ApiJson.internalError(id));
        });
    }

    /** The pattern of the endpoint that answered ({@code /api/v1/scorecards/{supplier}}), never the path asked for. */
    private static String route(Context ctx) {
        try {
            String pattern = ctx.endpointHandlerPath();
            return pattern == null || pattern.isEmpty() ? ServerMetrics.UNMATCHED : pattern;
        } catch (IllegalStateException e) {
            // Javalin refuses when the request ended in a before-handler, i.e. before any endpoint matched
            return ServerMetrics.UNMATCHED;
        }
    }

    /** One line per request: method, path (no query string, no headers: they may carry secrets), status, time. */
    private static void logRequest(Context ctx, Float millis) {
        LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(millis));
    }

    public int port() {
        return app.port();
    }

    /** E.g. {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port();
    }

    /** Stops listening, then closes the store. */
    @Override
    public void close() {
        app.stop();
        health.close();
        store.close();
    }
}
