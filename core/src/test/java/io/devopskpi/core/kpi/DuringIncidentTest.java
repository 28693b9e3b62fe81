package io.devopskpi.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.store.StoreConnections;
import io.devopskpi.core.testing.Scenario;
import io.devopskpi.core.testing.TestStores;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whether a window's deployment started during an incident (rework), decided from one read of the incidents, must
 * be what the sub-query per deployment it replaced (kept here as the reference) said: on random estates with open,
 * resolved and zero-length incidents, starts on an incident's bounds, deployments that started before the window,
 * incidents of other environments; for the environment and one application, on H2 and PostgreSQL.
 */
class DuringIncidentTest {
    private static final String[] APPLICATIONS = {"shop", "billing", "crm"};
    private static final Instant START = Scenario.t("2026-01-01T00:00");
    private static final String REFERENCE = "SELECT CASE WHEN EXISTS (SELECT 1 FROM incident i "
            + "WHERE i.application = d.application AND i.environment = d.environment AND i.started <= d.started "
            + "AND (i.resolved IS NULL OR d.started < i.resolved)) THEN 1 ELSE 0 END FROM deployment d WHERE d.id = ?";

    static List<Arguments> estates() {
        return TestStores.kindsAndSeeds(5);
    }

    @ParameterizedTest
    @MethodSource("estates")
    void isWhatTheSubQueryPerDeploymentSaid(TestStores.Kind kind, long seed) throws Exception {
        Random random = new Random(seed);
        try (Scenario s = Scenario.on(kind).now("2026-03-01T00:00")) {
            List<Instant> incidentBounds = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                Instant started = START.plus(random.nextInt(50 * 24) * 60L, ChronoUnit.MINUTES);
                int length = random.nextInt(5);
                String resolved = length == 0 ? null // open
                        : length == 1 ? started.toString() // zero length: contains no start
                        : started.plus(random.nextInt(48 * 60), ChronoUnit.MINUTES).toString();
                incidentBounds.add(started);
                s.incident("i" + i, APPLICATIONS[random.nextInt(APPLICATIONS.length)], started.toString(), null,
                        resolved, null, null, null);
                if (random.nextInt(5) == 0) {
                    s.event(new Incident("qa-i" + i, "shop", "qa", started, null, null, null, null, null, null));
                }
            }
            for (int i = 0; i < 120; i++) {
                // a fifth start exactly when an incident did
                Instant started = random.nextInt(5) == 0 ? incidentBounds.get(random.nextInt(incidentBounds.size()))
                        : START.plus(random.nextInt(55 * 24) * 60L, ChronoUnit.MINUTES);
                Instant finished = started.plus(random.nextInt(3 * 24 * 60), ChronoUnit.MINUTES);
                s.deploy("d" + i, APPLICATIONS[random.nextInt(APPLICATIONS.length)], finished.toString(),
                        DeploymentResult.values()[random.nextInt(DeploymentResult.values().length)],
                        b -> b.started(started));
            }
            s.service();
            for (String application : new String[] {null, "crm"}) {
                try (Connection connection = StoreConnections.of(s.store())) {
                    KpiRepository repository = KpiRepository.of(StoreConnections.readOn(s.store(), connection),
                            Scenario.PRODUCTION, application == null ? null : java.util.Set.of(application), true);
                    List<DeploymentRecord> window = repository.deploymentsFinishedIn(Scenario.t("2026-01-15T00:00"),
                            Scenario.t("2026-02-15T00:00"));
                    assertThat(window).isNotEmpty();
                    for (DeploymentRecord d : window) {
                        assertThat(d.startedDuringIncident()).as("seed %s, %s", seed, d.id())
                                .isEqualTo(reference(connection, d.id()));
                    }
                }
            }
        }
    }

    private static boolean reference(Connection connection, String id) throws Exception {
        try (PreparedStatement s = connection.prepareStatement(REFERENCE)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}
