package io.devopskpi.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.store.StoreConnections;
import io.devopskpi.core.testing.Scenario;
import io.devopskpi.core.testing.TestStores;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What follows a window, read for all applications at once ({@link KpiRepository#firstsAtOrAfter}), must be what
 * one look-up per application gives ({@link KpiRepository#firstFinishedAtOrAfter}): on random estates whose
 * applications deploy again within the look-ahead, only beyond it, or never, with ties in finished time, every
 * result, FAILURE counted as a change attempt or not, for the environment and for one application; H2 and
 * PostgreSQL.
 */
class NextDeploymentsTest {
    private static final String[] APPLICATIONS = {"shop", "billing", "crm", "intranet", "quiet"};
    private static final Instant START = Scenario.t("2026-01-01T00:00");

    static List<Arguments> estates() {
        return TestStores.kindsAndSeeds(5);
    }

    @ParameterizedTest
    @MethodSource("estates")
    void areWhatOneLookUpPerApplicationGives(TestStores.Kind kind, long seed) throws Exception {
        Random random = new Random(seed);
        try (Scenario s = Scenario.on(kind).now("2026-06-01T00:00")) {
            for (int i = 0; i < 150; i++) {
                // "quiet" never deploys; the others over 120 days, some minutes shared (ties in finished time)
                String application = APPLICATIONS[random.nextInt(APPLICATIONS.length - 1)];
                if (application.equals("crm") && random.nextInt(6) > 0) {
                    application = "shop"; // crm deploys every few weeks: its next deployment is often past the look-ahead
                }
                Instant finished = START.plus(random.nextInt(120 * 24) * 60L, ChronoUnit.MINUTES);
                DeploymentResult result = DeploymentResult.values()[random.nextInt(DeploymentResult.values().length)];
                s.deploy("d" + i, application, finished.toString(), result,
                        b -> b.started(finished.minus(random.nextInt(3), ChronoUnit.MINUTES)));
            }
            s.service();
            for (boolean failureIsFailedChange : new boolean[] {true, false}) {
                for (String application : new String[] {null, "shop"}) {
                    try (Connection connection = StoreConnections.of(s.store())) {
                        KpiRepository repository = KpiRepository.of(StoreConnections.readOn(s.store(), connection),
                                Scenario.PRODUCTION, application == null ? null : java.util.Set.of(application), failureIsFailedChange);
                        for (int day = 0; day < 130; day += 1 + random.nextInt(9)) {
                            Instant bound = START.plus(day, ChronoUnit.DAYS).plus(random.nextInt(1440),
                                    ChronoUnit.MINUTES);
                            Set<String> apps = application == null ? Set.of(APPLICATIONS) : Set.of(application);
                            Map<String, KpiRepository.Firsts> firsts = repository.firstsAtOrAfter(apps, bound);
                            for (String app : apps) {
                                String where = String.format("seed %s, %s, %s, failure counted %s", seed, bound, app,
                                        failureIsFailedChange);
                                assertThat(firsts.get(app).attempt()).as(where)
                                        .isEqualTo(repository.firstFinishedAtOrAfter(app, bound, false));
                                assertThat(firsts.get(app).success()).as(where)
                                        .isEqualTo(repository.firstFinishedAtOrAfter(app, bound, true));
                            }
                        }
                    }
                }
            }
        }
    }
}
