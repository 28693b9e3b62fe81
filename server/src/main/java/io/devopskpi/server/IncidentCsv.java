package io.devopskpi.server;

import com.google.gson.JsonObject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV export of incident tickets read into incident events (docs/import.md), the whole file before anything is
 * sent: every problem is collected, named by its line, column and value, and a file with any problem yields no
 * events. Times are read with the columns' time format in {@code zone} (an ISO-8601 instant is always accepted).
 */
final class IncidentCsv {
    /** How many problems are listed before "and N more". */
    static final int SHOWN_PROBLEMS = 50;

    /** One incident and the line it came from. */
    record Row(JsonObject incident, int line) {
    }

    /** The incidents of a file, or the problems that stop it from being imported. */
    record Result(List<Row> rows, List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private final IncidentColumns columns;
    private final ZoneId zone;
    private final String environment;
    private final DateTimeFormatter times;

    IncidentCsv(IncidentColumns columns, ZoneId zone, String environment) {
        this.columns = columns;
        this.zone = zone;
        this.environment = environment;
        this.times = columns.timeFormat().equals(IncidentColumns.ISO) ? null : formatter(columns.timeFormat());
    }

    /** A pattern as DateTimeFormatter takes it, read case-insensitively with English month names ("Mar", "AM"). */
    static DateTimeFormatter formatter(String pattern) {
        try {
            return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                    .toFormatter(Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--time-format is not a date-time pattern: '" + pattern + "' ("
                    + e.getMessage() + ")");
        }
    }

    Result read(String text) {
        List<List<String>> rows = CsvRows.parse(text);
        List<String> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            return new Result(List.of(), List.of("line 1: the file is empty; expected a header line"));
        }
        List<String> header = rows.get(0).stream().map(String::strip).toList();
        Map<String, Integer> at = new LinkedHashMap<>();
        Map<String, String> columnOf = new HashMap<>();
        for (String field : IncidentColumns.FIELDS) {
            for (String column : columns.columnsOf(field)) {
                int index = indexOf(header, column);
                if (index >= 0) {
                    at.put(field, index);
                    columnOf.put(field, header.get(index));
                    break;
                }
            }
            if (!at.containsKey(field) && IncidentColumns.REQUIRED.contains(field)) {
                problems.add("line 1: no column for " + field + (columns.columnsOf(field).isEmpty()
                        ? " (name one with --map COLUMN=" + field + ")"
                        : " (looked for " + String.join(", ", columns.columnsOf(field)) + ")"));
            }
        }
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems);
        }
        List<Row> incidents = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int line = r + 1;
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (row.size() != header.size()) {
                problems.add("line " + line + ": expected " + header.size() + " cells, got " + row.size());
                continue;
            }
            JsonObject incident = new JsonObject();
            incident.addProperty("type", "incident");
            Map<String, Instant> instants = new HashMap<>();
            for (Map.Entry<String, Integer> field : at.entrySet()) {
                String name = field.getKey();
                String cell = row.get(field.getValue()).strip();
                String where = "line " + line + ", column " + columnOf.get(name) + ": ";
                if (cell.isEmpty()) {
                    if (IncidentColumns.REQUIRED.contains(name)) {
                        problems.add(where + name + " is empty");
                    }
                    continue;
                }
                if (IncidentColumns.TIMES.contains(name)) {
                    Instant instant = instant(cell);
                    if (instant == null) {
                        problems.add(where + "cannot read '" + cell + "' as a time (" + (times == null
                                ? "ISO-8601" : columns.timeFormat()) + " in " + zone + ")");
                        continue;
                    }
                    instants.put(name, instant);
                    incident.addProperty(name, instant.toString());
                } else {
                    incident.addProperty(name, cell);
                }
            }
            if (!incident.has("environment") && environment != null) {
                incident.addProperty("environment", environment);
            }
            for (String later : List.of("detected", "resolved")) {
                Instant started = instants.get("started");
                if (started != null && instants.containsKey(later) && instants.get(later).isBefore(started)) {
                    problems.add("line " + line + ", column " + columnOf.get(later) + ": " + later + " "
                            + instants.get(later) + " is before started " + started + " (column "
                            + columnOf.get("started") + ")");
                }
            }
            if (incident.has("id")) {
                String id = incident.get("id").getAsString();
                Integer first = lineOfId.putIfAbsent(id, line);
                if (first != null) {
                    problems.add("line " + line + ", column " + columnOf.get("id") + ": incident '" + id
                            + "' is also on line " + first);
                }
            }
            incidents.add(new Row(incident, line));
        }
        return new Result(problems.isEmpty() ? incidents : List.of(), problems);
    }

    /** The cell as an instant: the time format in the zone, or an ISO-8601 instant or offset date-time; else null. */
    private Instant instant(String cell) {
        try {
            return Instant.parse(cell);
        } catch (DateTimeException e) {
            // not an instant: the format's turn
        }
        try {
            return OffsetDateTime.parse(cell).toInstant();
        } catch (DateTimeException e) {
            // not with an offset either
        }
        try {
            if (times == null) {
                return LocalDateTime.parse(cell).atZone(zone).toInstant();
            }
            TemporalAccessor parsed = times.parse(cell);
            if (parsed.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)) {
                return OffsetDateTime.from(parsed).toInstant();
            }
            return LocalDateTime.from(parsed).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int indexOf(List<String> header, String column) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }
}
