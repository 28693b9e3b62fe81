package io.devopskpi.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.kpi.KpiFigures;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.DeploymentResult;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.testing.SampleEvents;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade path of the embedded store (docs/reliability.md, "Upgrading the embedded store"): a store written by
 * the H2 of the previous release (2.3.232, loaded from {@code target/previous-h2} in a class loader of its own, the
 * schema migrated and the events ingested by this version's own code over it) opens with the current H2 as it is,
 * and also survives the documented fallback, {@code SCRIPT} with the old H2 and {@code RUNSCRIPT} with the new one.
 * Either way every stored row of every table and the KPIs are the same afterwards.
 */
class H2UpgradeTest {
    private static final Path PREVIOUS_H2 = Path.of("target", "previous-h2", "h2-previous.jar");
    private static final String PREVIOUS_VERSION = "2.3.232";

    @TempDir
    Path folder;

    @Test
    void aStoreWrittenByThePreviousH2OpensWithTheCurrentOneWithEveryRowAndKpiUnchanged() throws Exception {
        Path data = folder.resolve("data");
        Written before = writeWithPreviousH2(StoreConfig.embedded(data));

        try (Store store = Store.open(StoreConfig.embedded(data))) {
            assertThat(h2Version(store)).isNotEqualTo(PREVIOUS_VERSION);
            assertThat(rows(store)).isEqualTo(before.rows());
            assertThat(kpis(store)).isEqualTo(before.kpis());
        }
    }

    @Test
    void theScriptExportOfThePreviousH2ReimportedByTheCurrentOneKeepsEveryRowAndKpi() throws Exception {
        Path old = folder.resolve("old");
        Path script = folder.resolve("devops-kpi.sql");
        Written before = writeWithPreviousH2(StoreConfig.embedded(old));
        try (URLClassLoader loader = previousH2(); Connection c = connect(loader, StoreConfig.embedded(old));
                Statement s = c.createStatement()) {
            s.execute("SCRIPT TO '" + script + "'");
        }

        Path upgraded = folder.resolve("new");
        StoreConfig fresh = StoreConfig.embedded(upgraded);
        try (Connection c = new org.h2.Driver().connect(fresh.jdbcUrl(), credentials(fresh));
                Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + script + "'");
        }
        try (Store store = Store.open(fresh)) {
            assertThat(rows(store)).isEqualTo(before.rows());
            assertThat(kpis(store)).isEqualTo(before.kpis());
        }
    }

    /** What the previous H2 held: every row of every table, and the KPIs this version computed over it. */
    private record Written(Map<String, List<String>> rows, List<KpiFigures> kpis) {
    }

    private Written writeWithPreviousH2(StoreConfig config) throws Exception {
        try (URLClassLoader loader = previousH2()) {
            Driver driver = (Driver) Class.forName("org.h2.Driver", true, loader).getDeclaredConstructor()
                    .newInstance();
            DriverDataSource connections = new DriverDataSource(driver, config.jdbcUrl(), config.user(),
                    config.password(), false, StoreTimeouts.DEFAULT);
            Written written;
            try (Store store = Store.open(config, connections)) {
                assertThat(h2Version(store)).isEqualTo(PREVIOUS_VERSION);
                new Ingestor(store, SampleEvents.CLOCK).ingest(events());
                written = new Written(rows(store), kpis(store));
            }
            // the store is closed like the server closes it: the file is complete, no recovery on the next open
            try (Connection c = connections.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
            assertThat(written.rows().get("DEPLOYMENT")).hasSize(3);
            return written;
        }
    }

    /** Deployments with every field and with few, an incident, assignments of both responsibilities. */
    private static List<Event> events() {
        return List.of(
                SampleEvents.deployment("d-1").build(),
                SampleEvents.minimalDeployment("d-2").finished(Instant.parse("2026-01-06T10:07:00Z"))
                        .started(Instant.parse("2026-01-06T10:00:00Z")).build(),
                SampleEvents.minimalDeployment("d-3").finished(Instant.parse("2026-01-07T10:07:00Z"))
                        .started(Instant.parse("2026-01-07T10:00:00Z")).result(DeploymentResult.FAILURE).build(),
                SampleEvents.incident("i-1"),
                new Incident("i-2", "shop", "production", Instant.parse("2026-01-07T11:00:00Z"),
                        Instant.parse("2026-01-07T11:05:00Z"), Instant.parse("2026-01-07T13:00:00Z"), "critical",
                        null, null, null),
                SampleEvents.assignment("shop", "acme", Responsibility.DELIVERY, "2025-01-01T00:00:00Z", null),
                SampleEvents.assignment("shop", "globex", Responsibility.OPERATIONS, "2025-01-01T00:00:00Z",
                        "2026-01-06T00:00:00Z"));
    }

    private static List<KpiFigures> kpis(Store store) {
        KpiService kpis = new KpiService(store, KpiSettings.defaults(), SampleEvents.CLOCK);
        List<KpiFigures> figures = new ArrayList<>();
        for (Scope scope : List.of(Scope.all(), Scope.application("shop"), Scope.supplier("acme"),
                Scope.supplier("globex"))) {
            figures.add(kpis.figures(KpiQuery.ending(scope, "production", SampleEvents.NOW, Duration.ofDays(30),
                    ZoneOffset.UTC)));
        }
        return figures;
    }

    /** Every table of the schema, each row as text in primary-key order (the first column's, then all). */
    private static Map<String, List<String>> rows(Store store) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection c = store.connection()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
            names.sort(null);
            for (String table : names) {
                List<String> rows = new ArrayList<>();
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            if (table.equals("flyway_schema_history") && meta.getColumnName(i)
                                    .equalsIgnoreCase("installed_on")) {
                                continue;
                            }
                            row.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append(';');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(table, rows);
            }
        }
        assertThat(tables).containsKeys("DEPLOYMENT", "INCIDENT", "ASSIGNMENT");
        return tables;
    }

    private static String h2Version(Store store) throws SQLException {
        try (Connection c = store.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT H2VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static URLClassLoader previousH2() throws Exception {
        assertThat(PREVIOUS_H2).as("copied by maven-dependency-plugin (core/pom.xml)").exists();
        // the platform loader as parent: java.sql is visible, the current H2 on the test classpath is not
        return new URLClassLoader(new URL[] {PREVIOUS_H2.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    private static Connection connect(ClassLoader loader, StoreConfig config) throws Exception {
        Driver driver = (Driver) Class.forName("org.h2.Driver", true, loader).getDeclaredConstructor().newInstance();
        return driver.connect(config.jdbcUrl(), credentials(config));
    }

    private static java.util.Properties credentials(StoreConfig config) {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", config.user());
        properties.setProperty("password", config.password());
        return properties;
    }
}
