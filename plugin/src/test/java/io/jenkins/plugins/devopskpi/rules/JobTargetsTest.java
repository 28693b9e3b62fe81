package io.jenkins.plugins.devopskpi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.mapping.PipelineRule;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class JobTargetsTest {
    private static final DeploymentTarget SHOP = new DeploymentTarget("shop", "staging", DeploymentKind.NORMAL, null);
    private static final List<PipelineRule> RULES = List.of(
            new PipelineRule("billing/deploy-*", "billing", "production", DeploymentKind.NORMAL, "payments"));

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final List<String> asked = new ArrayList<>();
    private Map<String, Optional<DeploymentTarget>> store = Map.of("shop/pipeline", Optional.of(SHOP));

    private Optional<DeploymentTarget> lastTargetOf(String pipeline) {
        asked.add(pipeline);
        return store.getOrDefault(pipeline, Optional.empty());
    }

    private JobTargets targets(Executor executor) {
        return new JobTargets(this::lastTargetOf, executor, Duration.ofMillis(200), clock);
    }

    @Test
    void aMatchingRuleNamesTheTargetWithoutAskingTheStore() {
        Optional<DeploymentTarget> target = targets(Runnable::run).of(RULES, "billing/deploy-eu");

        assertThat(target).contains(new DeploymentTarget("billing", "production", DeploymentKind.NORMAL, "payments"));
        assertThat(asked).isEmpty();
    }

    @Test
    void aJobWithoutRuleGetsWhatItDeployedLastThroughTheSteps() {
        JobTargets targets = targets(Runnable::run);

        assertThat(targets.of(RULES, "shop/pipeline")).contains(SHOP);
        assertThat(targets.of(List.of(), "shop/pipeline")).as("no rules at all").contains(SHOP);
        assertThat(targets.of(RULES, "shop/other")).as("never deployed").isEmpty();
    }

    @Test
    void theStoreIsAskedAtMostOnceAMinutePerJobAlsoWhenTheJobNeverDeployed() {
        JobTargets targets = targets(Runnable::run);
        targets.of(RULES, "shop/pipeline");
        targets.of(RULES, "builds/nightly");
        clock.move(Duration.ofSeconds(59));
        targets.of(RULES, "shop/pipeline");
        targets.of(RULES, "builds/nightly");
        assertThat(asked).containsExactly("shop/pipeline", "builds/nightly");

        store = Map.of("builds/nightly", Optional.of(SHOP));
        clock.move(Duration.ofSeconds(1));
        assertThat(targets.of(RULES, "builds/nightly")).as("a job's first deployment shows within a minute")
                .contains(SHOP);
        assertThat(asked).containsExactly("shop/pipeline", "builds/nightly", "builds/nightly");
    }

    @Test
    void aStoreThatCannotAnswerHidesTheActionAndIsAskedAgainAfterAMinute() {
        JobTargets targets = new JobTargets(pipeline -> {
            asked.add(pipeline);
            throw new StoreException("cannot read what pipeline 'shop/pipeline' deployed last: connection refused",
                    null);
        }, Runnable::run, Duration.ofMillis(200), clock);

        assertThat(targets.of(RULES, "shop/pipeline")).isEmpty();
        assertThat(targets.of(RULES, "shop/pipeline")).isEmpty();
        clock.move(Duration.ofMinutes(1));
        assertThat(targets.of(RULES, "shop/pipeline")).isEmpty();
        assertThat(asked).containsExactly("shop/pipeline", "shop/pipeline");
    }

    @Test
    void aPageDoesNotWaitForASlowStoreAndTheLateAnswerServesTheNextView() {
        Queue<Runnable> pending = new ArrayDeque<>();
        JobTargets targets = new JobTargets(this::lastTargetOf, pending::add, Duration.ZERO, clock);

        assertThat(targets.of(RULES, "shop/pipeline")).as("the store has not answered yet").isEmpty();
        assertThat(targets.of(RULES, "shop/pipeline")).isEmpty();
        assertThat(pending).as("one question in flight per job").hasSize(1);

        pending.remove().run();
        assertThat(targets.of(RULES, "shop/pipeline")).contains(SHOP);
        assertThat(asked).containsExactly("shop/pipeline");
    }

    @Test
    void beyondTheBoundAnswersOlderThanAMinuteAreDropped() {
        JobTargets targets = targets(Runnable::run);
        for (int i = 0; i < JobTargets.MAX_REMEMBERED - 1; i++) {
            targets.of(RULES, "job-" + i);
        }
        clock.move(JobTargets.FRESH);
        targets.of(RULES, "fresh");
        assertThat(targets.remembered()).isEqualTo(JobTargets.MAX_REMEMBERED);

        targets.of(RULES, "one-more");
        assertThat(targets.remembered()).as("only the answers of this minute are left").isEqualTo(2);
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
