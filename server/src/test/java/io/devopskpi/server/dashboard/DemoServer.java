package io.devopskpi.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.devopskpi.core.store.StoreConfig;
import io.devopskpi.server.KpiServer;
import io.devopskpi.server.OpenApiContract;
import io.devopskpi.server.ServerOptions;
import io.devopskpi.server.demo.DemoSeeder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real server over an in-memory store seeded with the demo data, its clock fixed near now. */
final class DemoServer implements AutoCloseable {
    static final String TOKEN = "dashboard-test-token";
    /** Near now (the date inputs of the pages default to the browser's today), fixed for the whole class. */
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final KpiServer server;
    /** The token reads must present (null: reads are public); this class's own reads send it. */
    private final String readToken;
    private final HttpClient client = HttpClient.newHttpClient();

    private DemoServer(KpiServer server, String readToken) {
        this.server = server;
        this.readToken = readToken;
    }

    static DemoServer start() {
        return start(null);
    }

    /** As started with {@code --read-token-file} holding {@code readToken}: every read needs it. */
    static DemoServer startWithReadToken(String readToken) {
        return start(readToken);
    }

    private static DemoServer start(String readToken) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        StoreConfig store = StoreConfig.inMemory("dashboard-" + COUNTER.incrementAndGet());
        ServerOptions options = ServerOptions.forTests(store, TOKEN, clock);
        KpiServer server = KpiServer.start(new ServerOptions(options.bind(), options.port(), store, TOKEN, readToken,
                clock, options.settings()));
        DemoSeeder.seedIfEmpty(server.store(), clock, new PrintStream(OutputStream.nullOutputStream()));
        return new DemoServer(server, readToken);
    }

    String url(String pathAndQuery) {
        return server.baseUrl() + pathAndQuery;
    }

    HttpResponse<String> get(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(pathAndQuery))).GET();
        if (readToken != null) {
            request.header("Authorization", "Bearer " + readToken);
        }
        return send(request.build());
    }

    /** A read without any token. */
    HttpResponse<String> getAnonymously(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).GET().build());
    }

    JsonObject json(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        assertThat(response.statusCode()).as("%s: %s", pathAndQuery, response.body()).isEqualTo(200);
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    void post(String events) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/api/v1/events")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(events)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    HttpResponse<String> send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        OpenApiContract.requireDocumented(response);
        return response;
    }

    @Override
    public void close() {
        server.close();
    }
}
