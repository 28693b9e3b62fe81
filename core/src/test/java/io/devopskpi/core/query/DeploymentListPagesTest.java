package io.devopskpi.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.kpi.FailedChangeView;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.testing.Scenario;
import io.devopskpi.core.testing.TestStores;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A page of the deployment list judges its deployments over the span they finished in, not the whole window: on
 * random estates (every result and kind, incidents naming a cause or linked by time, resolved or open, some after
 * the window) every deployment of every page carries exactly the verdict, reasons and restore the whole window's
 * analysis gives it ({@link KpiService#failedChanges}, what the list used for every page before).
 */
class DeploymentListPagesTest {
    private static final String[] APPLICATIONS = {"shop", "billing", "crm"};
    private static final Instant START = Scenario.t("2026-01-01T00:00");
    private static final Instant FROM = Scenario.t("2026-01-10T00:00");
    private static final Instant TO = Scenario.t("2026-02-10T00:00");

    static List<Arguments> estates() {
        return TestStores.kindsAndSeeds(6);
    }

    @ParameterizedTest
    @MethodSource("estates")
    void everyPageCarriesTheVerdictsOfTheWholeWindow(TestStores.Kind kind, long seed) {
        Random random = new Random(seed);
        try (Scenario s = Scenario.on(kind).now("2026-03-01T00:00")) {
            for (int i = 0; i < 150; i++) {
                String application = APPLICATIONS[random.nextInt(APPLICATIONS.length)];
                // 50 days around a 31-day window, to the minute: ties in finished time happen
                Instant finished = START.plus(random.nextInt(50 * 24 * 60), ChronoUnit.MINUTES);
                DeploymentResult result = random.nextInt(3) == 0
                        ? DeploymentResult.values()[random.nextInt(DeploymentResult.values().length)]
                        : DeploymentResult.SUCCESS;
                DeploymentKind deploymentKind = random.nextInt(6) == 0
                        ? DeploymentKind.values()[random.nextInt(DeploymentKind.values().length)]
                        : DeploymentKind.NORMAL;
                s.deploy("d" + i, application, finished.toString(), result, b -> b.kind(deploymentKind));
            }
            for (int i = 0; i < 30; i++) {
                String application = APPLICATIONS[random.nextInt(APPLICATIONS.length)];
                Instant started = START.plus(random.nextInt(50 * 24 * 60), ChronoUnit.MINUTES);
                Instant resolved = random.nextInt(4) == 0 ? null
                        : started.plus(1 + random.nextInt(3 * 24 * 60), ChronoUnit.MINUTES);
                String cause = random.nextInt(3) == 0 ? "d" + random.nextInt(150) : null;
                s.incident("i" + i, application, started.toString(), started.plusSeconds(600).toString(),
                        resolved == null ? null : resolved.toString(), cause);
            }
            KpiService kpis = s.service(); // ingests the estate
            DeploymentList list = new DeploymentList(s.store(), kpis);
            for (Scope scope : List.of(Scope.all(), Scope.application("shop"))) {
                KpiQuery window = new KpiQuery(scope, Scenario.PRODUCTION, FROM, TO, ZoneOffset.UTC);
                Map<String, FailedChangeView> whole = kpis.failedChanges(window).stream()
                        .collect(Collectors.toMap(FailedChangeView::deployment, Function.identity()));
                Map<String, FailedChangeView> paged = new HashMap<>();
                int listed = 0;
                for (int size : new int[] {1, 7, Page.MAX_LIMIT}) {
                    ResultPage<DeploymentEntry> page;
                    int offset = 0;
                    do {
                        page = list.list(window, new Page(offset, size));
                        for (DeploymentEntry entry : page.items()) {
                            assertThat(entry.failure()).as("seed %s, %s, page size %d, %s", seed, scope, size,
                                    entry.id()).isEqualTo(whole.get(entry.id()));
                            if (entry.failure() != null) {
                                paged.put(entry.id(), entry.failure());
                            }
                            listed++;
                        }
                        offset += size;
                    } while (offset < page.total());
                }
                assertThat(paged).as("seed %s, %s: every failed change listed", seed, scope).isEqualTo(whole);
                if (scope.equals(Scope.all())) {
                    assertThat(whole).as("seed %s: the estate has failed changes", seed).isNotEmpty();
                    assertThat(listed).isGreaterThan(3 * 60);
                }
            }
        }
    }
}
