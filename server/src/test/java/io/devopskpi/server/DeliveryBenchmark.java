package io.devopskpi.server;

import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.remote.CentralServer;
import io.devopskpi.core.remote.ServerSink;
import io.devopskpi.core.store.StoreConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The plugin's delivery to a central server (docs/performance.md, "Many controllers on one store"): N deployments put
 * into a fresh outbox, then delivered as the plugin's delivery thread does (the outbox replayed into
 * {@link ServerSink}: one request per event, each file deleted after its 200) to a real server in this JVM on a fresh
 * embedded H2 store over loopback HTTP. Prints the put and delivery times and the delivery rate. Usage:
 * {@code DeliveryBenchmark [N]} (default 2000).
 */
final class DeliveryBenchmark {
    private static final String TOKEN = "delivery-benchmark-token";

    private DeliveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Path work = Files.createTempDirectory("devops-kpi-delivery");
        StoreConfig store = StoreConfig.embedded(work.resolve("store"));
        ServerOptions options = new ServerOptions("127.0.0.1", 0, store, TOKEN, null, Clock.systemUTC(),
                KpiSettings.defaults());
        try (KpiServer server = KpiServer.start(options, HookOptions.defaults(),
                ServerLimits.defaults().withRate(RateLimit.OFF))) {
            Outbox outbox = new Outbox(work.resolve("queue"));
            Instant base = Instant.now().minus(Duration.ofDays(1));
            long putStart = System.nanoTime();
            for (int i = 0; i < events; i++) {
                Instant finished = base.plusSeconds(i);
                outbox.put(Deployment.builder("jenkins:bench#" + i).application("app-" + (i % 20))
                        .environment("production").started(finished.minusSeconds(300)).finished(finished)
                        .result(DeploymentResult.SUCCESS).pipeline("bench/deploy-" + (i % 20)).build());
            }
            long putNanos = System.nanoTime() - putStart;
            CentralServer central = new CentralServer(URI.create(server.baseUrl()), () -> TOKEN, null);
            long start = System.nanoTime();
            int delivered = outbox.replay(new ServerSink(central)); // what OutboxDelivery's thread runs
            long nanos = System.nanoTime() - start;
            System.out.printf(Locale.ROOT, "| %d events | put %.1f s (%.2f ms each) | delivered %d in %.1f s "
                    + "| %.0f events/s |%n", events, putNanos / 1e9, putNanos / 1e6 / events, delivered,
                    nanos / 1e9, delivered / (nanos / 1e9));
        }
    }
}
