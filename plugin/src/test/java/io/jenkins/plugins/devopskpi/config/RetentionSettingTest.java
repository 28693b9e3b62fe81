package io.jenkins.plugins.devopskpi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.AsyncPeriodicWork;
import hudson.model.Descriptor.FormException;
import hudson.util.FormValidation;
import io.devopskpi.core.embedded.EmbeddedKpis;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.store.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's retention setting (issue 15 item 5, "--retain P2Y or a Jenkins setting"): validated as the form
 * checks it and as Configuration as Code binds it, and applied by {@link RetentionWork} to a real embedded store.
 */
class RetentionSettingTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    @Test
    void theFormAcceptsAnIsoPeriodOrNothingAndNamesAnythingElse() {
        assertThat(KpiConfiguration.checkRetentionText("").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(KpiConfiguration.checkRetentionText(null).kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(KpiConfiguration.checkRetentionText("P2Y").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(KpiConfiguration.checkRetentionText(" P18M ").kind).isEqualTo(FormValidation.Kind.OK);
        for (String bad : new String[] {"2 years", "P0D", "-P1Y", "PT24H", "2y"}) {
            FormValidation check = KpiConfiguration.checkRetentionText(bad);
            assertThat(check.kind).as(bad).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(check.getMessage()).as(bad).contains(bad);
        }
    }

    @Test
    void aBadPeriodIsAFormErrorOnItsFieldAndRefusedByTheSetterCascUses() {
        assertThatThrownBy(() -> KpiConfiguration.checkRetention("two years")).isInstanceOf(FormException.class)
                .hasMessageContaining("two years");
        assertThatCode(() -> KpiConfiguration.checkRetention("")).doesNotThrowAnyException();
        assertThatCode(() -> KpiConfiguration.checkRetention(null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> KpiConfiguration.retentionOf("P-1Y")).isInstanceOf(IllegalArgumentException.class);
        assertThat(KpiConfiguration.retentionOf("  ")).isNull();
        assertThat(KpiConfiguration.retentionOf("P2Y").period()).isEqualTo(Period.ofYears(2));
    }

    @Test
    void aRunDeletesWhatIsOlderThanThePeriodFromARealEmbeddedStore() throws Exception {
        try (EmbeddedKpis kpis = new EmbeddedKpis(StoreConfig.embedded(work.resolve("store")),
                KpiSettings::defaults, new Outbox(work.resolve("queue")), CLOCK)) {
            kpis.submit(deployment("old", "2024-05-01T10:00:00Z"));
            kpis.submit(deployment("kept", "2024-06-02T10:00:00Z"));
            kpis.submit(incident("resolved-old", "2024-04-01T10:00:00Z", "2024-04-01T12:00:00Z"));
            kpis.submit(incident("open-old", "2024-04-02T10:00:00Z", null));
            kpis.submit(incident("resolved-later", "2024-05-31T10:00:00Z", "2024-06-01T02:00:00Z"));
            kpis.flush();
            assertThat(kpis.events().countEvents()).isEqualTo(5);

            // no setting: nothing is deleted (and no store is needed)
            assertThat(RetentionWork.apply(null, null, CLOCK)).contains("every event is kept");

            // P2Y at 2026-06-01: the cut-off is 2024-06-01T00:00Z; "old" finished and "resolved-old" was resolved
            // before it; "kept" finished after it, "resolved-later" was resolved after it, "open-old" is open
            String report = RetentionWork.apply(KpiConfiguration.retentionOf("P2Y"), kpis.store(), CLOCK);
            assertThat(report).contains("deleted 1 deployments finished before 2024-06-01T00:00:00Z")
                    .contains("1 incidents resolved before it");
            assertThat(kpis.events().countEvents()).isEqualTo(3);
            var report2y = kpis.kpis().report(new KpiQuery(Scope.application("shop"), "production",
                    Instant.parse("2024-01-01T00:00:00Z"), CLOCK.instant(), ZoneOffset.UTC));
            assertThat(report2y.deploymentFrequency().deployments()).isEqualTo(1);

            // a second run the same day finds nothing more
            assertThat(RetentionWork.apply(KpiConfiguration.retentionOf("P2Y"), kpis.store(), CLOCK))
                    .contains("deleted 0 deployments").contains("0 incidents");
        }
    }

    @Test
    void jenkinsRunsItOffTheRequestThreadsSoonAfterStartAndThenDaily() {
        RetentionWork work = new RetentionWork();
        assertThat(work).isInstanceOf(AsyncPeriodicWork.class);
        assertThat(Duration.ofMillis(work.getRecurrencePeriod())).isEqualTo(Duration.ofDays(1));
        assertThat(Duration.ofMillis(work.getInitialDelay())).isEqualTo(Duration.ofMinutes(1));
        assertThat(work.name).isEqualTo("DevOps KPI retention");
    }

    private static Deployment deployment(String id, String finished) {
        Instant end = Instant.parse(finished);
        return Deployment.builder(id).application("shop").environment("production").started(end.minusSeconds(600))
                .finished(end).result(DeploymentResult.SUCCESS).build();
    }

    private static Incident incident(String id, String started, String resolved) {
        return new Incident(id, "shop", "production", Instant.parse(started), null,
                resolved == null ? null : Instant.parse(resolved), null, null, null, null);
    }
}
