package io.jenkins.plugins.devopskpi.behaviour;

import io.devopskpi.core.embedded.EmbeddedKpis;
import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.gate.KpiGateEvaluator;
import io.devopskpi.core.gate.OnBreach;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.metric.Threshold;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConfig;
import io.devopskpi.core.summary.KpiSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs inside the plugin's class loader (see {@link PluginLauncher}): records a deployment through the outbox and
 * its drain thread, then reads it back, summarises and gates on it, as the plugin's steps and pages do. Answers
 * {@code key=value} lines. Arguments: a work folder, then {@code embedded} or a PostgreSQL URL, user and password.
 */
public final class StoreScenario implements Function<String[], String> {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T00:00:00Z"), ZoneOffset.UTC);
    private static final String DEPLOYMENT = "jenkins:shop/deploy#1:shop:production";

    @Override
    public String apply(String[] args) {
        Path work = Path.of(args[0]);
        StoreConfig config = args[1].equals("embedded") ? StoreConfig.embedded(work.resolve("store"))
                : StoreConfig.jdbc(args[1], args[2], args[3]);
        List<String> answers = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        answers.add("storeLoader=" + Store.class.getClassLoader().getName());
        answers.add("contextLoader=" + context.getName());
        answers.add("contextLoaderSeesH2=" + canLoad(context, "org.h2.Driver"));
        answers.add("contextLoaderSeesJUnit=" + canLoad(context, "org.junit.jupiter.api.Test"));
        try (EmbeddedKpis kpis = new EmbeddedKpis(config, KpiSettings::defaults, new Outbox(work.resolve("outbox")),
                CLOCK)) {
            kpis.submit(Deployment.builder(DEPLOYMENT).application("shop").environment("production")
                    .started(Instant.parse("2026-01-05T10:00:00Z")).finished(Instant.parse("2026-01-05T10:07:00Z"))
                    .result(DeploymentResult.SUCCESS).pipeline("shop/deploy").build());
            answers.add("drainedInBackground=" + awaitDrained(kpis));
            answers.add("drainContextLoader=" + drainThread().getContextClassLoader().getName());
            kpis.flush(); // on this thread too, and so that a store that cannot open says why
            answers.add("stored=" + kpis.events().findDeployment(DEPLOYMENT).isPresent());
            KpiSummary summary = kpis.summary("shop", Scope.application("shop"), "production");
            answers.add("summaryError=" + summary.error());
            answers.add("deploymentsPerWeek=" + summary.deploymentsPerWeek());
            KpiGate gate = new KpiGate(KpiQuery.ending(Scope.application("shop"), "production", CLOCK.instant(),
                    KpiQuery.DEFAULT_WINDOW, ZoneOffset.UTC),
                    List.of(new Threshold(GateMetric.CHANGE_SUCCESS_RATE, Operator.AT_LEAST, 0.9)), 1, true,
                    OnBreach.FAILURE);
            answers.add("gate=" + new KpiGateEvaluator(kpis.kpis()).evaluate(gate).status());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join("\n", answers);
    }

    private static boolean awaitDrained(EmbeddedKpis kpis) throws IOException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (kpis.outbox().pending().isEmpty()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static Thread drainThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("devops-kpi outbox"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no outbox drain thread"));
    }

    private static boolean canLoad(ClassLoader loader, String name) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
