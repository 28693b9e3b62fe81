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
import io.devopskpi.core.store.ChangeAuthors;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.Endpoint;
import java.time.Clock;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.handler.GracefulHandler;
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
    /** Connections the kernel holds for the server to accept (the Linux default limit, somaxconn, is 4096). */
    static final int ACCEPT_QUEUE = 1_024;
    private final Javalin app;
    private final Store store;
    private final HealthHandler health;
    private final String host;
    private final RetentionSchedule retention;

    private KpiServer(Javalin app, Store store, HealthHandler health, String host, RetentionSchedule retention) {
        this.app = app;
        this.store = store;
        this.health = health;
        this.host = host;
        this.retention = retention;
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
        return start(options, hooks, ServerLimits.defaults());
    }

    /**
     * Like {@link #start(ServerOptions, HookOptions)}, with the request rate and read budget of {@code limits}.
     *
     * @throws StoreException when the store cannot be used
     */
    static KpiServer start(ServerOptions options, HookOptions hooks, ServerLimits limits) {
        Store store = Store.open(options.store());
        HealthHandler health = new HealthHandler(store);
        Javalin app = null;
        RetentionSchedule retention = null;
        try {
            retention = options.retention() == null ? null
                    : RetentionSchedule.start(options.retention(), store, options.clock());
            TokenHash write = options.writeToken() != null ? TokenHash.of(options.writeToken())
                    : WriteTokens.establish(store, System.out);
            TokenAuth auth = new TokenAuth(write, options.writersFile() == null ? null
                    : new NamedWriters(options.writersFile()), options.readToken() == null ? null
                    : TokenHash.of(options.readToken()));
            ServerMetrics metrics = new ServerMetrics();
            RateLimiting rates = new RateLimiting(auth, new RequestRates(limits.rate())); // limits: rate per client
            ReadBudget budget = new ReadBudget(limits.readBudget()); // limits: time budget of every read
            Ingestor ingestor = new Ingestor(store, options.clock(), options.keepAuthors());
            KpiService kpis = new KpiService(store, options.settings(), options.clock());
            GatePolicies policies = new GatePolicies(store, GateJson::parse);
            app = Javalin.create(config -> {
                configure(config, metrics, options.limits());
                listen(config, options.bind(), options.port(), options.limits());
                RoutesConfig routes = config.routes;
                routes.before(SecurityHeaders::apply);
                routes.before(rates);
                routes.before(QueryEncoding::check);
                routes.post("/api/v1/events", new EventsHandler(auth, ingestor, metrics));
                routes.post("/api/v1/authors/pseudonymise", new AuthorsHandler(auth, store, options.clock(),
                        ChangeAuthors.Erasure.PSEUDONYMISE));
                routes.post("/api/v1/authors/drop", new AuthorsHandler(auth, store, options.clock(),
                        ChangeAuthors.Erasure.DROP));
                routeHooks(routes, auth, ingestor, hooks, options.clock());
                routes.post("/api/v1/gate", new GateHandler(auth, new KpiGateEvaluator(kpis), policies,
                        options.clock(), budget));
                routeReads(routes, store, auth, kpis, options.clock(), budget);
                routes.get("/metrics", new MetricsHandler(auth, metrics, new KpiMetrics(kpis,
                        new EnvironmentList(store), new ApplicationList(store, options.clock()),
                        new SupplierKpis(store, kpis), options.clock(), options.metricsWindow()), options.clock(),
                        budget));
                routes.get("/api/v1/health", health);
                routes.get("/api/v1/openapi.json", new OpenApiHandler());
                routes.get("/api/v1/backup", new BackupHandler(auth, store, options.clock()));
                Dashboard.register(routes);
                handleErrors(routes);
            });
            app.start();
            limitConnections(app, options.limits());
            return new KpiServer(app, store, health, options.bind(), retention);
        } catch (RuntimeException e) {
            if (app != null) {
                app.stop();
            }
            if (retention != null) {
                retention.close();
            }
            health.close();
            store.close();
            throw e;
        }
    }

    /** The read endpoints of the dashboard pages (DASHBOARD-CONTRACT.md), answered by core. */
    private static void routeReads(RoutesConfig app, Store store, TokenAuth auth, KpiService kpis, Clock clock,
            ReadBudget budget) {
        ReadApi api = new ReadApi(store, kpis, clock);
        for (String endpoint : api.endpoints()) {
            app.get("/api/v1/" + endpoint, new ReadHandler(auth, api, ctx -> endpoint, budget));
        }
        app.get("/api/v1/scorecards/{supplier}", new ReadHandler(auth, api,
                ctx -> "scorecards/" + ctx.pathParam("supplier"), budget));
    }

    /** The alerting tools' webhooks (api.md, "Incidents from alerting tools") and their unmapped alerts. */
    private static void routeHooks(RoutesConfig app, TokenAuth auth, Ingestor ingestor, HookOptions options,
            Clock clock) {
        UnmappedAlerts unmapped = new UnmappedAlerts();
        HookService hooks = new HookService(ingestor, options.mappings(), unmapped, clock);
        HookAuth hookAuth = new HookAuth(auth, options.hookToken());
        for (AlertSource source : AlertSource.values()) {
            app.post("/api/v1/hooks/" + source.key(), new HooksHandler(hookAuth, hooks, source));
        }
        app.get("/api/v1/hooks/unmapped", new UnmappedHandler(auth, unmapped));
    }

    /**
     * The one HTTP connector, in place of Javalin's default: silent connections closed after the idle timeout, and
     * a kernel queue of {@link #ACCEPT_QUEUE} connections waiting to be accepted (Jetty's default, the JDK's 50,
     * drops the connections of a burst, which then wait a second or more for the client to retry).
     */
    private static void listen(JavalinConfig config, String bind, int port, HttpLimits limits) {
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(bind);
            connector.setPort(port);
            connector.setIdleTimeout(limits.idleTimeout().toMillis());
            connector.setAcceptQueueSize(ACCEPT_QUEUE);
            return connector;
        });
    }

    /**
     * Every connector of the started server cuts off clients that trickle their headers ({@link HeaderTimeout}).
     * Once stopping, Jetty closes a connection silent for {@link #SHUTDOWN_IDLE} (its shutdown idle timeout), so idle
     * keep-alive connections do not hold the shutdown for the whole grace; Jetty's 1 s default cut off a request
     * whose body paused for a second on a loaded machine (GracefulShutdownTest answered 408 once in CI).
     */
    static final java.time.Duration SHUTDOWN_IDLE = java.time.Duration.ofSeconds(3);

    private static void limitConnections(Javalin app, HttpLimits limits) {
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector started) {
                started.addBean(new HeaderTimeout(started.getScheduler(), limits.headerTimeout()));
                started.setShutdownIdleTimeout(SHUTDOWN_IDLE.toMillis());
            }
        }
    }

    /** The store this server opened (and closes). */
    public Store store() {
        return store;
    }

    private static void configure(JavalinConfig config, ServerMetrics metrics, HttpLimits limits) {
        config.startup.showJavalinBanner = false;
        config.http.defaultContentType = JsonAnswers.CONTENT_TYPE;
        config.http.maxRequestSize = EventsHandler.MAX_BODY;
        config.http.prefer405over404 = true;
        config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(new JettyErrors());
            // beyond this many connections the server stops accepting until one closes (the kernel queues the rest)
            server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
            // stopping (SIGTERM): stop accepting, let the requests in flight finish within the grace period, then
            // close the connections; the store is closed after that (close())
            server.insertHandler(new GracefulHandler());
            server.setStopTimeout(limits.shutdownGrace().toMillis());
        });
        config.requestLogger.http((ctx, millis) -> {
            logRequest(ctx, millis);
            metrics.request(route(ctx), ctx.method().name(), ctx.statusCode());
        });
    }

    private static void handleErrors(RoutesConfig app) {
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
        // null when the request ended before any endpoint matched (in a before-handler, or no such endpoint)
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        return matched == null || matched.path.isEmpty() ? ServerMetrics.UNMATCHED : matched.path;
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

    /**
     * Stops accepting connections, waits up to the shutdown grace ({@link HttpLimits#shutdownGrace()}) for the
     * requests in flight to be answered, closes the connections, then closes the store.
     */
    @Override
    public void close() {
        if (retention != null) {
            retention.close();
        }
        try {
            app.stop();
        } catch (RuntimeException e) {
            // the grace expired with requests still in flight: they are cut off, the store is closed all the same
            LOG.warn("stopped before every request in flight was answered: {}", e.getMessage());
        } finally {
            health.close();
            store.close();
        }
    }
}
