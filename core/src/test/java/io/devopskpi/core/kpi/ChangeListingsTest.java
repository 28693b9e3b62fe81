package io.devopskpi.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.store.Sql;
import io.devopskpi.core.store.StoreConnections;
import io.devopskpi.core.testing.Scenario;
import io.devopskpi.core.testing.TestStores;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The listings lead time reads ({@link KpiRepository#listingsOfChangesIn}) in two index-led steps must be exactly
 * the rows of the single join they replaced (kept here as the reference), on random estates where one change is
 * listed by several deployments of several applications and environments, before, in and after the window, with
 * every result; on H2 and PostgreSQL, for the environment and for one application.
 */
class ChangeListingsTest {
    private static final String[] APPLICATIONS = {"shop", "billing", "crm"};
    private static final Instant START = Scenario.t("2026-01-01T00:00");
    private static final Instant FROM = Scenario.t("2026-01-20T00:00");
    private static final Instant TO = Scenario.t("2026-02-05T00:00");

    /** The query before the two-step read, verbatim but for its parameters. */
    private static final String REFERENCE = "SELECT d2.id, c2.change_id, c2.committed FROM (SELECT DISTINCT "
            + "d.application AS w_app, c.change_id AS w_change FROM deployment d JOIN deployment_change c "
            + "ON c.deployment_id = d.id WHERE d.environment = ? AND d.result = 'SUCCESS' AND d.finished >= ? "
            + "AND d.finished < ? AND (? IS NULL OR d.application = ?)) w "
            + "JOIN deployment_change c2 ON c2.change_id = w.w_change "
            + "JOIN deployment d2 ON d2.id = c2.deployment_id AND d2.application = w.w_app "
            + "WHERE d2.environment = ? AND d2.result = 'SUCCESS' AND d2.finished < ?";

    static List<Arguments> estates() {
        return TestStores.kindsAndSeeds(6);
    }

    @ParameterizedTest
    @MethodSource("estates")
    void areTheRowsOfTheSingleJoinTheyReplaced(TestStores.Kind kind, long seed) throws Exception {
        Random random = new Random(seed);
        try (Scenario s = Scenario.on(kind).now("2026-02-20T00:00")) {
            for (int i = 0; i < 120; i++) {
                String application = APPLICATIONS[random.nextInt(APPLICATIONS.length)];
                Instant finished = START.plus(random.nextInt(45 * 24 * 60), ChronoUnit.MINUTES);
                DeploymentResult result = DeploymentResult.values()[random.nextInt(DeploymentResult.values().length)];
                String environment = random.nextInt(5) == 0 ? "qa" : Scenario.PRODUCTION;
                List<io.devopskpi.core.model.Change> changes = new ArrayList<>();
                int count = random.nextInt(4);
                for (int c = 0; c < count; c++) {
                    // 25 change ids for 120 deployments: most are listed several times, across applications
                    String id = "c" + random.nextInt(25);
                    if (changes.stream().noneMatch(x -> x.id().equals(id))) {
                        changes.add(Scenario.change(id, finished.minus(1 + random.nextInt(200), ChronoUnit.HOURS)
                                .toString()));
                    }
                }
                s.deploy("d" + i, application, finished.toString(), result,
                        b -> b.environment(environment).changes(changes));
            }
            s.service(); // ingests the estate
            for (String application : new String[] {null, "shop"}) {
                try (Connection connection = StoreConnections.of(s.store())) {
                    KpiRepository repository = new KpiRepository(StoreConnections.readOn(connection),
                            Scenario.PRODUCTION, application, false);
                    List<String> actual = new ArrayList<>();
                    for (ChangeListing listing : repository.listingsOfChangesIn(FROM, TO, new HashMap<>())) {
                        actual.add(listing.deployment().id() + "/" + listing.changeId() + "/" + listing.committed());
                    }
                    List<String> expected = reference(connection, application);
                    if (application == null) {
                        assertThat(expected).as("seed %s: the estate lists changes in the window", seed).isNotEmpty();
                    }
                    assertThat(actual).as("seed %s, application %s", seed, application)
                            .containsExactlyInAnyOrderElementsOf(expected);
                }
            }
        }
    }

    private static List<String> reference(Connection connection, String application) throws Exception {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(REFERENCE)) {
            s.setString(1, Scenario.PRODUCTION);
            Sql.setInstant(s, 2, FROM);
            Sql.setInstant(s, 3, TO);
            s.setString(4, application);
            s.setString(5, application);
            s.setString(6, Scenario.PRODUCTION);
            Sql.setInstant(s, 7, TO);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "/" + rs.getString(2) + "/" + Sql.getInstant(rs, "committed"));
                }
            }
        }
        return rows;
    }
}
