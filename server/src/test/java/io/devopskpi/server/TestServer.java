package io.devopskpi.server;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConfig;
import io.devopskpi.core.store.StoreConnections;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real server on a free port over a fresh in-memory store, a fixed clock, and an HTTP client for it that fails the
 * test when an answer disagrees with the OpenAPI description ({@link OpenApiContract}).
 */
final class TestServer implements AutoCloseable {
    static final String TOKEN = "test-write-token";
    static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final AtomicInteger COUNTER = new AtomicInteger();

    final StoreConfig storeConfig;
    final KpiServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    private TestServer(StoreConfig storeConfig, ServerOptions options) {
        this(storeConfig, options, HookOptions.defaults());
    }

    private TestServer(StoreConfig storeConfig, ServerOptions options, HookOptions hooks) {
        this(storeConfig, options, hooks, ServerLimits.defaults());
    }

    private TestServer(StoreConfig storeConfig, ServerOptions options, HookOptions hooks, ServerLimits limits) {
        this.storeConfig = storeConfig;
        this.server = KpiServer.start(options, hooks, limits);
    }

    /** A server with these limits (request rate, read budget). */
    static TestServer start(StoreConfig store, ServerOptions options, ServerLimits limits) {
        return new TestServer(store, options, HookOptions.defaults(), limits);
    }

    /** Like {@link #start()}, with the alerting webhooks set up by {@code hooks}. */
    static TestServer start(HookOptions hooks) {
        StoreConfig store = freshStore();
        return new TestServer(store, ServerOptions.forTests(store, TOKEN, CLOCK), hooks);
    }

    static TestServer start() {
        StoreConfig store = freshStore();
        return new TestServer(store, ServerOptions.forTests(store, TOKEN, CLOCK));
    }

    static TestServer start(StoreConfig store, ServerOptions options) {
        return new TestServer(store, options);
    }

    static StoreConfig freshStore() {
        return StoreConfig.inMemory("server-test-" + COUNTER.incrementAndGet());
    }

    HttpResponse<String> post(String body) {
        return post(body, "Bearer " + TOKEN);
    }

    HttpResponse<String> post(String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    /** A JSON POST to any path, with this Authorization header (null: none). */
    HttpResponse<String> postTo(String pathAndQuery, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        // every answer of the HTTP tests is checked against the OpenAPI description (docs/api.md, "OpenAPI")
        OpenApiContract.requireDocumented(response);
        return response;
    }

    URI uri(String pathAndQuery) {
        return URI.create(server.baseUrl() + pathAndQuery);
    }

    static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    /** Rows of a table, read through a second connection to the server's database. */
    long rows(String table) {
        return single("SELECT COUNT(*) FROM " + table);
    }

    /** Deployments, incidents and assignments stored, to show that a refused batch left nothing behind. */
    long storedEvents() {
        return rows("deployment") + rows("deployment_change") + rows("incident") + rows("assignment");
    }

    String text(String sql) {
        try (Store store = Store.open(storeConfig); Connection c = StoreConnections.of(store);
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement on the server's database through a second connection, as another program sharing it would. */
    int execute(String sql) {
        try (Store store = Store.open(storeConfig); Connection c = StoreConnections.of(store);
                Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long single(String sql) {
        return Long.parseLong(text(sql));
    }

    @Override
    public void close() {
        server.close();
    }
}
