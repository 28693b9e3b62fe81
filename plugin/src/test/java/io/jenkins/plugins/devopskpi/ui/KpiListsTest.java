package io.jenkins.plugins.devopskpi.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.embedded.EmbeddedKpis;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.outbox.Outbox;
import io.devopskpi.core.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /devops-kpi/api/json}: the root page's lists, cut down as the read API cuts them for each reader. */
class KpiListsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path work;
    private EmbeddedKpis kpis;

    @BeforeEach
    void prepareStore() throws Exception {
        kpis = new EmbeddedKpis(StoreConfig.embedded(work.resolve("store")), KpiSettings::defaults,
                new Outbox(work.resolve("queue")), CLOCK);
        kpis.submit(deployment("shop/deploy#1", "shop", "2026-01-05T10:00:00Z", "payments"));
        kpis.submit(deployment("shop/deploy#2", "shop", "2026-01-06T10:00:00Z", "payments"));
        kpis.submit(deployment("api/deploy#1", "api", "2026-01-07T10:00:00Z", "platform"));
        kpis.flush();
    }

    @AfterEach
    void closeStore() {
        kpis.close();
    }

    private static Deployment deployment(String run, String application, String started, String team) {
        return Deployment.builder("jenkins:" + run + ":" + application + ":production").application(application)
                .environment("production").started(Instant.parse(started))
                .finished(Instant.parse(started).plusSeconds(300)).result(DeploymentResult.SUCCESS).team(team)
                .pipeline(run.substring(0, run.indexOf('#'))).build();
    }

    private KpiLists lists(boolean overall, Predicate<String> mayReadJob) {
        return new KpiLists(() -> kpis, reader(overall, mayReadJob), CLOCK);
    }

    @Test
    void aReaderOfEveryJobGetsEveryApplicationAndTheTeams() {
        KpiLists lists = lists(true, job -> true);

        assertThat(lists.getError()).isNull();
        assertThat(lists.getEnvironment()).isEqualTo("production");
        assertThat(lists.getApplications()).extracting(KpiLists.ApplicationEntry::getName)
                .containsExactly("api", "shop");
        KpiLists.ApplicationEntry shop = lists.getApplications().get(1);
        assertThat(shop.getDeployments()).isEqualTo(2);
        assertThat(shop.getLastDeployment()).isEqualTo("2026-01-06T10:05:00Z");
        assertThat(shop.getTeam()).as("no assignment names one").isEqualTo("unassigned");
        assertThat(shop.getUrl()).isEqualTo("devops-kpi/applications/shop");
        assertThat(lists.getTeams()).extracting(KpiLists.TeamEntry::getName).containsExactly("unassigned");
        assertThat(lists.getTeams().get(0).getApplications()).containsExactly("api", "shop");
        assertThat(lists.getTeams().get(0).getUrl()).isEqualTo("devops-kpi/teams/unassigned");
        assertThat(lists.getTeamsRefused()).isNull();
    }

    @Test
    void aReaderWhoMayNotReadAJobSeesNeitherItsApplicationNorTheTeams() {
        KpiLists lists = lists(true, job -> !job.equals("shop/deploy"));

        assertThat(lists.getError()).isNull();
        assertThat(lists.getApplications()).extracting(KpiLists.ApplicationEntry::getName).containsExactly("api");
        assertThat(lists.getTeams()).isNull();
        assertThat(lists.getTeamsRefused()).isNotBlank().doesNotContain("shop");
    }

    @Test
    void withoutOverallReadNothingIsRead() {
        KpiLists lists = new KpiLists(() -> {
            throw new IOException("the store must not be asked");
        }, reader(false, job -> true), CLOCK);

        assertThat(lists.getError()).isNotBlank();
        assertThat(lists.getApplications()).isEmpty();
        assertThat(lists.getTeams()).isNull();
    }

    @Test
    void theRemoteApiServesTheListsAndHandsTheReadApiBackToTheRootAction() {
        KpiLists lists = lists(true, job -> true);
        KpiApi api = new KpiApi(new KpiRootAction(), lists);

        assertThat(api.bean).isSameAs(lists);
        assertThat(KpiApi.belowRoot("/v1/kpis")).isEqualTo("/api/v1/kpis");
        assertThat(Access.isApi(KpiApi.belowRoot("/v1/kpis"))).isTrue();
    }

    private static KpiReader reader(boolean overall, Predicate<String> mayReadJob) {
        return new KpiReader() {
            @Override
            public boolean mayReadOverall() {
                return overall;
            }

            @Override
            public boolean isAdministrator() {
                return false;
            }

            @Override
            public boolean mayReadJob(String fullName) {
                return mayReadJob.test(fullName);
            }
        };
    }
}
