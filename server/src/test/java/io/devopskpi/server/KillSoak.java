package io.devopskpi.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The kill -9 soak (docs/reliability.md): the real server as a child process on one store, writers sending batches
 * of deployments over HTTP, the server killed with SIGKILL at random moments and restarted on the same store, every
 * batch re-sent until it is acknowledged. At the end every acknowledged deployment must be stored exactly once.
 * {@code KillNineSoakTest} runs a short version in the build; {@code scripts/soak.sh} runs {@link #main} at length.
 */
final class KillSoak {
    static final String TOKEN = "soak-write-token";
    private static final String APPLICATION = "soak";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** What to run: {@code store} is the server's store arguments ({@code --data DIR} or {@code --db …}). */
    record Settings(List<String> store, int kills, int writers, int batchSize, long seed, Path log) {
    }

    /** What happened; {@code lost} and {@code doubled} must be empty, {@code mixedAnswers} zero. */
    record Figures(int kills, long batches, long acknowledgedEvents, long storedEvents, long resentBatches,
            long resentAnsweredDuplicate, long mixedAnswers, long changesCounted, List<String> lost,
            List<String> doubled, Duration elapsed) {

        String summary() {
            return String.format("kills survived: %d%nbatches acknowledged: %d%nevents acknowledged: %d%n"
                    + "events stored (via /api/v1/deployments): %d%nlead-time samples (/api/v1/kpis): %d%n"
                    + "batches re-sent after a failed request: %d (of which answered as duplicates: %d)%n"
                    + "answers neither all accepted nor all duplicates: %d%nacknowledged events lost: %d%n"
                    + "events stored twice: %d%nelapsed: %d s", kills, batches, acknowledgedEvents, storedEvents,
                    changesCounted, resentBatches, resentAnsweredDuplicate, mixedAnswers, lost.size(),
                    doubled.size(), elapsed.toSeconds());
        }
    }

    private final Settings settings;
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(5));
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private final AtomicLong resentDuplicate = new AtomicLong();
    private final AtomicLong mixed = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile URI events;
    private volatile String baseUrl;
    private Process server;

    KillSoak(Settings settings) {
        this.settings = settings;
    }

    Figures run() throws Exception {
        long start = System.nanoTime();
        Random random = new Random(settings.seed());
        startServer();
        List<Thread> writers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int w = 0; w < settings.writers(); w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                try {
                    write(writer);
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "soak-writer-" + w);
            thread.start();
            writers.add(thread);
        }
        for (int kill = 1; kill <= settings.kills(); kill++) {
            // a random moment, but only once writes are being acknowledged, so the kill can catch one
            long before = acknowledged.size();
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (acknowledged.size() == before && System.nanoTime() < waitUntil) {
                Thread.sleep(20);
            }
            Thread.sleep(100 + random.nextInt(1_400));
            server.destroyForcibly();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server did not die on SIGKILL");
            }
            startServer();
        }
        Thread.sleep(500);
        stop.set(true);
        for (Thread thread : writers) {
            thread.join(TimeUnit.MINUTES.toMillis(5));
        }
        try {
            if (!failures.isEmpty()) {
                IllegalStateException failure = new IllegalStateException("a writer failed");
                failures.forEach(failure::addSuppressed);
                throw failure;
            }
            Map<String, Integer> stored = storedIds();
            List<String> lost = acknowledged.stream().filter(id -> !stored.containsKey(id)).sorted().toList();
            List<String> doubled = stored.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                    .sorted().toList();
            long storedEvents = stored.values().stream().mapToLong(Integer::longValue).sum();
            return new Figures(settings.kills(), batches.get(), acknowledged.size(), storedEvents, resent.get(),
                    resentDuplicate.get(), mixed.get(), leadTimeSamples(), lost, doubled,
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            stopServer();
        }
    }

    /** Sends batch after batch, each until it is acknowledged; a failed request is re-sent to whichever server runs. */
    private void write(int writer) throws InterruptedException {
        for (int batch = 0; !stop.get(); batch++) {
            List<String> ids = new ArrayList<>();
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < settings.batchSize(); i++) {
                String id = "w" + writer + "/b" + batch + "/e" + i;
                ids.add(id);
                Instant finished = base.plusSeconds(((long) writer * 1_000_000 + (long) batch * settings.batchSize()
                        + i) % 400_000);
                body.append(i == 0 ? "" : ",").append("{\"type\":\"deployment\",\"id\":\"").append(id)
                        .append("\",\"application\":\"").append(APPLICATION)
                        .append("\",\"environment\":\"production\",\"started\":\"").append(finished.minusSeconds(60))
                        .append("\",\"finished\":\"").append(finished).append("\",\"result\":\"SUCCESS\",")
                        .append("\"changes\":[{\"id\":\"").append(id).append("/c\",\"committed\":\"")
                        .append(finished.minusSeconds(3_600)).append("\"}]}");
            }
            body.append(']');
            boolean first = true;
            while (true) {
                JsonObject answer = send(body.toString());
                if (answer != null) {
                    int accepted = answer.get("accepted").getAsInt();
                    int duplicates = answer.get("duplicates").getAsInt();
                    if (!(accepted == ids.size() && duplicates == 0) && !(accepted == 0 && duplicates == ids.size())) {
                        mixed.incrementAndGet();
                    }
                    if (!first && duplicates == ids.size()) {
                        resentDuplicate.incrementAndGet();
                    }
                    acknowledged.addAll(ids);
                    batches.incrementAndGet();
                    break;
                }
                if (first) {
                    resent.incrementAndGet();
                    first = false;
                }
                Thread.sleep(100);
            }
        }
    }

    /** The answer of a 200; null when the request failed in any way (the server was killed or is starting). */
    private JsonObject send(String body) {
        URI uri = events;
        if (uri == null) {
            return null;
        }
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return JsonParser.parseString(response.body()).getAsJsonObject();
            }
            if (response.statusCode() != 503) {
                throw new IllegalStateException("unexpected answer " + response.statusCode() + ": " + response.body());
            }
            return null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Every stored deployment id of the soak with how often the list shows it, read page by page. */
    private Map<String, Integer> storedIds() throws Exception {
        Map<String, Integer> ids = new HashMap<>();
        int offset = 0;
        while (true) {
            JsonObject page = get("/api/v1/deployments?application=" + APPLICATION + "&" + window()
                    + "&limit=500&offset=" + offset);
            JsonArray deployments = page.getAsJsonArray("deployments");
            for (JsonElement d : deployments) {
                ids.merge(d.getAsJsonObject().get("id").getAsString(), 1, Integer::sum);
            }
            offset += deployments.size();
            if (deployments.isEmpty() || offset >= page.get("total").getAsInt()) {
                long total = page.get("total").getAsLong();
                long kpiCount = get("/api/v1/kpis?application=" + APPLICATION + "&" + window())
                        .getAsJsonObject("deploymentFrequency").get("deployments").getAsLong();
                if (kpiCount != total) {
                    // /kpis counts each stored deployment once; a difference means the list and the count disagree
                    ids.put("/kpis counts " + kpiCount + ", the list " + total, 2);
                }
                return ids;
            }
        }
    }

    private long leadTimeSamples() throws Exception {
        return get("/api/v1/kpis?application=" + APPLICATION + "&" + window()).getAsJsonObject("leadTime")
                .get("count").getAsLong();
    }

    private String window() {
        return "from=" + base.minus(Duration.ofDays(1)) + "&to=" + base.plus(Duration.ofDays(5));
    }

    private JsonObject get(String pathAndQuery) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(pathAndQuery + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private void startServer() throws IOException, InterruptedException {
        events = null;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0",
                "--rate-limit", "off")); // the writers send as fast as the store takes them: durability, not rate
        command.addAll(settings.store());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(settings.log().toFile()));
        builder.environment().put(Main.TOKEN_VARIABLE, TOKEN);
        server = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        String prefix = "devops-kpi server listening on ";
        String line;
        while ((line = out.readLine()) != null && !line.startsWith(prefix)) {
            // the lines before say how the token was set up; the token itself is never printed here
        }
        if (line == null) {
            throw new IllegalStateException("the server exited before listening; see " + settings.log());
        }
        String url = line.substring(prefix.length(), line.length() - "/api/v1/".length());
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the process was killed
            }
        }, "soak-stdout");
        drain.setDaemon(true);
        drain.start();
        baseUrl = url;
        events = URI.create(url + "/api/v1/events");
    }

    private void stopServer() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }

    /**
     * {@code KillSoak h2|postgres KILLS WRITERS BATCH_SIZE [SEED]}: runs the soak on a fresh store in a temporary
     * folder and prints its figures; exit status 1 when an acknowledged event was lost or one was stored twice.
     */
    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "h2";
        int kills = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int writers = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int batchSize = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : System.nanoTime();
        Path folder = Files.createTempDirectory("devops-kpi-soak-");
        Path log = folder.resolve("server.log");
        System.out.printf("store %s, %d kills, %d writers, batches of %d, seed %d, server log %s%n", kind, kills,
                writers, batchSize, seed, log);
        Figures figures;
        if (kind.equals("postgres")) {
            try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres =
                    io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start()) {
                Path password = folder.resolve("db-password");
                Files.writeString(password, "postgres");
                figures = new KillSoak(new Settings(List.of("--db", "jdbc:postgresql://localhost:"
                        + postgres.getPort() + "/postgres", "--db-user", "postgres", "--db-password-file",
                        password.toString()), kills, writers, batchSize, seed, log)).run();
            }
        } else if (kind.equals("h2")) {
            figures = new KillSoak(new Settings(List.of("--data", folder.resolve("data").toString()), kills, writers,
                    batchSize, seed, log)).run();
        } else {
            throw new IllegalArgumentException("store must be h2 or postgres, got " + kind);
        }
        System.out.println(figures.summary());
        if (!figures.lost().isEmpty() || !figures.doubled().isEmpty() || figures.mixedAnswers() > 0) {
            System.out.println("FAILED: first lost " + figures.lost().stream().limit(5).toList() + ", first doubled "
                    + figures.doubled().stream().limit(5).toList());
            System.exit(1);
        }
        System.exit(0);
    }
}
