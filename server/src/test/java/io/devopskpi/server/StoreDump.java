package io.devopskpi.server;

import com.google.gson.JsonArray;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreConnections;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every row of every table of a store as text, in a fixed order (tables by name, rows by all their columns), each
 * value as the driver's exact text: two dumps of one store are equal exactly when nothing stored changed. The
 * server's exports (CSV, Prometheus) show figures and selected rows, and the CSV writer rewrites cells that look
 * like formulas; a comparison needs every column of every table verbatim, hence this.
 */
final class StoreDump {
    private StoreDump() {
    }

    static String of(Store store) {
        StringBuilder dump = new StringBuilder();
        try (Connection c = StoreConnections.of(store)) {
            for (String table : tables(c)) {
                dump.append("== ").append(table.toLowerCase(Locale.ROOT)).append('\n');
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT * FROM \"" + table + "\" ORDER BY " + allColumns(c, table))) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        JsonArray row = new JsonArray(columns);
                        for (int i = 1; i <= columns; i++) {
                            row.add(rs.getString(i));
                        }
                        dump.append(row).append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return dump.toString();
    }

    private static List<String> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? "public"
                : "PUBLIC";
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        tables.sort(String.CASE_INSENSITIVE_ORDER);
        return tables;
    }

    private static String allColumns(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\""
                + " WHERE 1 = 0")) {
            int columns = rs.getMetaData().getColumnCount();
            List<String> positions = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
                positions.add(Integer.toString(i));
            }
            return String.join(", ", positions);
        }
    }
}
