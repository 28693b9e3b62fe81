package io.jenkins.plugins.devopskpi.rules;

import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.mapping.PipelineRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The application and environment whose KPIs a job's page shows: those of the first rule matching the job's full
 * name, else what the job deployed last through the steps ({@code recordDeployment}, {@code deployment {}}), as
 * the store knows it (its latest deployment whose pipeline is the job). Job pages ask on every view, so the store
 * is asked at most once a minute per job (the answer, also "never deployed" or a failure, is reused meanwhile),
 * and a page waits for it at most {@code patience}: a slow or unreachable store hides the action instead of
 * holding the page, and an answer that comes later is there for the next view.
 */
public final class JobTargets {
    static final Duration FRESH = Duration.ofMinutes(1);
    /** Beyond this many jobs, answers older than a minute are dropped (a controller's job count bounds the rest). */
    static final int MAX_REMEMBERED = 10_000;

    private final Function<String, Optional<DeploymentTarget>> lastTargetOf;
    private final Executor lookups;
    private final Duration patience;
    private final Clock clock;
    private final Map<String, Lookup> remembered = new ConcurrentHashMap<>();

    private record Lookup(Instant asked, CompletableFuture<Optional<DeploymentTarget>> answer) {
    }

    /**
     * @param lastTargetOf the store's answer for a pipeline's full name (may throw when the store is unusable)
     * @param lookups where the store is asked (not the page's thread, so that the page can stop waiting)
     */
    public JobTargets(Function<String, Optional<DeploymentTarget>> lastTargetOf, Executor lookups, Duration patience,
            Clock clock) {
        this.lastTargetOf = lastTargetOf;
        this.lookups = lookups;
        this.patience = patience;
        this.clock = clock;
    }

    /** The target of the job of this full name; empty when no rule names one and it never deployed (yet). */
    public Optional<DeploymentTarget> of(List<PipelineRule> rules, String job) {
        Optional<DeploymentTarget> ruled = DeploymentTarget.resolve(rules, job, Map.of());
        if (ruled.isPresent()) {
            return ruled;
        }
        Instant now = clock.instant();
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.values().removeIf(lookup -> !fresh(lookup, now));
        }
        Lookup lookup = remembered.compute(job, (name, known) -> known != null && fresh(known, now) ? known
                : new Lookup(now, CompletableFuture.supplyAsync(() -> lastTargetOf.apply(name), lookups)));
        try {
            return lookup.answer().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** How many jobs' answers are kept. */
    int remembered() {
        return remembered.size();
    }

    private static boolean fresh(Lookup lookup, Instant now) {
        return lookup.asked().plus(FRESH).isAfter(now);
    }
}
