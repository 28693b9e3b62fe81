package io.jenkins.plugins.devopskpi.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.embedded.EmbeddedKpis;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.store.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code api/json} of a job's KPIs against a prepared embedded store: the page's figures, as numbers. */
class JobKpisTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T00:00:00Z"), ZoneOffset.UTC);
    private static final Predicate<String> EVERYONE = job -> true;

    @TempDir
    Path work;
    private EmbeddedKpis kpis;

    @BeforeEach
    void prepareStore() throws Exception {
        kpis = new EmbeddedKpis(StoreConfig.embedded(work.resolve("store")), KpiSettings::defaults,
                new Outbox(work.resolve("queue")), CLOCK);
        kpis.submit(deployment("shop/deploy#1", "shop", "2026-01-05T10:00:00Z", "2026-01-05T10:07:00Z",
                DeploymentResult.SUCCESS, List.of(new Change("a1", Instant.parse("2026-01-05T07:00:00Z"), "ann"))));
        kpis.submit(deployment("shop/deploy#2", "shop", "2026-01-06T10:00:00Z", "2026-01-06T10:10:00Z",
                DeploymentResult.FAILURE, List.of(new Change("b2", Instant.parse("2026-01-06T09:00:00Z"), "bo"))));
        kpis.submit(deployment("shop/deploy#3", "shop", "2026-01-06T13:00:00Z", "2026-01-06T13:30:00Z",
                DeploymentResult.SUCCESS, List.of()));
        kpis.submit(deployment("api/deploy#1", "api", "2026-01-07T10:00:00Z", "2026-01-07T10:05:00Z",
                DeploymentResult.SUCCESS, List.of()));
        kpis.flush();
    }

    @AfterEach
    void closeStore() {
        kpis.close();
    }

    private static Deployment deployment(String run, String application, String started, String finished,
            DeploymentResult result, List<Change> changes) {
        return Deployment.builder("jenkins:" + run + ":" + application + ":production").application(application)
                .environment("production").started(Instant.parse(started)).finished(Instant.parse(finished))
                .result(result).changes(changes).pipeline(run.substring(0, run.indexOf('#'))).build();
    }

    @Test
    void exportsThePagesFiguresAsNumbersWithTheirSamples() {
        DeploymentTarget shop = target("shop");
        SummaryRow page = SummaryRow.of(kpis.applicationSummary("shop", "production", EVERYONE));
        JobKpis exported = JobKpis.of(kpis, shop, CLOCK.instant(), EVERYONE);

        assertThat(page.isAvailable()).isTrue();
        assertThat(exported.getError()).isNull();
        assertThat(exported.getWindow()).isEqualTo("PT720H");
        assertThat(exported.getDeployments()).as("successful ones").isEqualTo(2);
        assertThat(exported.getDeploymentsPerWeek()).isEqualTo(2 * 7 / 30.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(exported.getChangeAttempts()).isEqualTo(3);
        assertThat(exported.getChangeSuccessRate()).isEqualTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(exported.getLeadTimeSamples()).as("changes that reached production: b2 failed").isEqualTo(1);
        assertThat(exported.getLeadTimeMedianSeconds()).isNotNull();
        assertThat(exported.getTimeToRestoreSamples()).isEqualTo(1);
        assertThat(exported.getTimeToRestoreMedianSeconds()).isNotNull();

        // the page shows the same figures, rounded
        assertThat(page.getDeploymentsPerWeek())
                .isEqualTo(String.format(Locale.ROOT, "%.1f", exported.getDeploymentsPerWeek()));
        assertThat(page.getChangeSuccessRate())
                .isEqualTo(String.format(Locale.ROOT, "%.0f %%", exported.getChangeSuccessRate() * 100));
        assertThat(page.getLeadTime()).isEqualTo(hours(exported.getLeadTimeMedianSeconds()));
        assertThat(page.getTimeToRestore()).isEqualTo(hours(exported.getTimeToRestoreMedianSeconds()));
    }

    @Test
    void aFigureWithoutSamplesIsNullNotZero() {
        JobKpis exported = JobKpis.of(kpis, target("api"), CLOCK.instant(), EVERYONE);

        assertThat(exported.getDeployments()).isEqualTo(1);
        assertThat(exported.getLeadTimeSamples()).isZero();
        assertThat(exported.getLeadTimeMedianSeconds()).isNull();
        assertThat(exported.getTimeToRestoreSamples()).isZero();
        assertThat(exported.getTimeToRestoreMedianSeconds()).isNull();
        assertThat(SummaryRow.of(kpis.applicationSummary("api", "production", EVERYONE)).getLeadTime())
                .isEqualTo("–");
    }

    @Test
    void aReaderWhoMayNotReadEveryJobThatDeployedTheApplicationGetsNoFigure() {
        Predicate<String> notShopDeploy = job -> !job.equals("shop/deploy");
        JobKpis exported = JobKpis.of(kpis, target("shop"), CLOCK.instant(), notShopDeploy);

        assertThat(exported.getError()).startsWith("hidden");
        assertThat(exported.getWindow()).isNull();
        assertThat(exported.getDeployments()).isNull();
        assertThat(exported.getDeploymentsPerWeek()).isNull();
        assertThat(exported.getChangeAttempts()).isNull();
        assertThat(exported.getChangeSuccessRate()).isNull();
        assertThat(exported.getLeadTimeSamples()).isNull();
        assertThat(exported.getLeadTimeMedianSeconds()).isNull();
        assertThat(exported.getTimeToRestoreSamples()).isNull();
        assertThat(exported.getTimeToRestoreMedianSeconds()).isNull();
        assertThat(SummaryRow.of(kpis.applicationSummary("shop", "production", notShopDeploy)).isAvailable())
                .as("the page hides them from the same reader").isFalse();
        assertThat(JobKpis.of(kpis, target("api"), CLOCK.instant(), notShopDeploy).getDeployments())
                .as("another application's jobs are readable").isEqualTo(1);
    }

    private static DeploymentTarget target(String application) {
        return new DeploymentTarget(application, "production", DeploymentKind.NORMAL, null);
    }

    /** KpiSummary's rounding of a duration, as the page shows it. */
    private static String hours(double seconds) {
        return seconds < 3600 ? String.format(Locale.ROOT, "%.0f min", seconds / 60)
                : String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
