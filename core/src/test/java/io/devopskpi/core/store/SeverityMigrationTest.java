package io.devopskpi.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.model.Severity;
import io.devopskpi.core.testing.TestStores;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * V5 back-fills the normalised severity of incidents stored before it with the same lists as {@link Severity#of}:
 * a store migrated from V4 holds the same levels as one that received the incidents after V5.
 */
class SeverityMigrationTest {
    private static final String[] TEXTS = {"P1", "SEV-1", "critical", "Sev 2", "HIGH", "major", "p3", "P5", "warning",
        "info", "low", "4", "page", "nonsense", null};

    @ParameterizedTest
    @MethodSource("io.devopskpi.core.testing.TestStores#kinds")
    void backFillsStoredIncidentsAsNewOnesAreNormalised(TestStores.Kind kind) throws Exception {
        StoreConfig config = kind.freshDatabase();
        Flyway.configure(Store.class.getClassLoader()).dataSource(DriverDataSource.of(config))
                .locations("classpath:db/migration").target("4").load().migrate();
        try (Connection c = DriverDataSource.of(config).getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO incident (id, application, environment, started, severity, recorded_at, updated_at) "
                        + "VALUES (?, 'shop', 'production', CURRENT_TIMESTAMP, ?, CURRENT_TIMESTAMP, "
                        + "CURRENT_TIMESTAMP)")) {
            for (int i = 0; i < TEXTS.length; i++) {
                s.setString(1, "i" + i);
                s.setString(2, TEXTS[i]);
                s.executeUpdate();
            }
        }

        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < TEXTS.length; i++) {
            expected.put("i" + i, Severity.of(TEXTS[i]).name());
        }
        Map<String, String> stored = new LinkedHashMap<>();
        try (Store store = Store.open(config); Connection c = store.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, severity_level FROM incident")) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(stored).isEqualTo(expected);
        // the lists themselves: P1/SEV-1/critical, Sev 2/HIGH/major, p3/P5/warning/info/low/4, then unknown
        assertThat(Arrays.stream(TEXTS).map(t -> Severity.of(t).apiName()).toList()).containsExactly(
                "critical", "critical", "critical", "major", "major", "major", "minor", "minor", "minor", "minor",
                "minor", "minor", "unknown", "unknown", "unknown");
    }
}
