package io.devopskpi.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which CSV columns hold which incident field (docs/import.md): for each field the column names to look for, the
 * first one the header has wins. {@link #servicenow()} and {@link #jira()} are the tools' exports; {@code --map
 * column=field} replaces a field's columns. {@code id}, {@code application} and {@code started} are required; an
 * {@code environment} column is optional (the import's {@code --environment} fills it).
 */
record IncidentColumns(String format, Map<String, List<String>> columns, String timeFormat) {
    /** The incident event fields a column can fill, in the order a dry run shows them. */
    static final List<String> FIELDS = List.of("id", "application", "environment", "started", "detected",
            "resolved", "severity", "cause");
    static final List<String> REQUIRED = List.of("id", "application", "started");
    static final List<String> TIMES = List.of("started", "detected", "resolved");
    /** ISO-8601 instants (or offset or local date-times, the latter in --zone): the custom format's default. */
    static final String ISO = "iso";

    IncidentColumns {
        columns = Map.copyOf(columns);
    }

    /**
     * A ServiceNow incident list exported as CSV (column names are the table's field names): {@code number},
     * {@code opened_at}, {@code u_detected} or {@code sys_created_on}, {@code resolved_at}, {@code priority},
     * {@code cmdb_ci}; times as the instance's default {@code yyyy-MM-dd HH:mm:ss}.
     */
    static IncidentColumns servicenow() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("id", List.of("number"));
        columns.put("application", List.of("cmdb_ci"));
        columns.put("started", List.of("opened_at"));
        columns.put("detected", List.of("u_detected", "sys_created_on"));
        columns.put("resolved", List.of("resolved_at"));
        columns.put("severity", List.of("priority"));
        return new IncidentColumns("servicenow", columns, "yyyy-MM-dd HH:mm:ss");
    }

    /**
     * Jira Service Management's "Export CSV (all fields)": {@code Issue key}, {@code Created}, {@code Resolved},
     * {@code Priority}, the affected service in {@code Custom field (Affected services)} or the first
     * {@code Component/s}; times as Jira's default {@code dd/MMM/yy h:mm a} (e.g. {@code 05/Mar/26 9:30 AM}).
     */
    static IncidentColumns jira() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("id", List.of("Issue key"));
        columns.put("application", List.of("Custom field (Affected services)", "Component/s"));
        columns.put("started", List.of("Created"));
        columns.put("resolved", List.of("Resolved"));
        columns.put("severity", List.of("Priority"));
        return new IncidentColumns("jira", columns, "dd/MMM/yy h:mm a");
    }

    /** No defaults: every column comes from {@code --map}; times ISO-8601. */
    static IncidentColumns custom() {
        return new IncidentColumns("custom", Map.of(), ISO);
    }

    static IncidentColumns forFormat(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "servicenow" -> servicenow();
            case "jira" -> jira();
            case "custom" -> custom();
            default -> throw new IllegalArgumentException("--format must be servicenow, jira or custom, got '"
                    + format + "'");
        };
    }

    /** With {@code column=field} mappings applied: each named field reads only the columns mapped to it. */
    IncidentColumns mapped(List<String> mappings) {
        Map<String, List<String>> changed = new LinkedHashMap<>(columns);
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (String mapping : mappings) {
            int equals = mapping.lastIndexOf('=');
            String column = equals < 0 ? "" : mapping.substring(0, equals).strip();
            String field = equals < 0 ? "" : mapping.substring(equals + 1).strip();
            if (column.isEmpty() || !FIELDS.contains(field)) {
                throw new IllegalArgumentException("--map takes column=field with a field of " + String.join(", ",
                        FIELDS) + ", got '" + mapping + "'");
            }
            given.computeIfAbsent(field, f -> new ArrayList<>()).add(column);
        }
        changed.putAll(given);
        return new IncidentColumns(format, changed, timeFormat);
    }

    IncidentColumns withTimeFormat(String pattern) {
        return new IncidentColumns(format, columns, pattern);
    }

    List<String> columnsOf(String field) {
        return columns.getOrDefault(field, List.of());
    }
}
