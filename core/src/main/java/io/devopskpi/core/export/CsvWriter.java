package io.devopskpi.core.export;

import java.util.List;

/**
 * CSV text as RFC 4180 defines it (CRLF line ends; a cell with a comma, double quote, CR or LF is quoted, its
 * quotes doubled). A cell that a spreadsheet would run as a formula (starting with {@code =}, {@code +},
 * {@code -}, {@code @}, tab or CR) gets a leading single quote: names come from pipelines, and an export opened
 * in a spreadsheet must not execute what someone put in one.
 */
public final class CsvWriter {
    private final StringBuilder text = new StringBuilder();

    /** Appends one row; a null value is an empty cell. */
    public CsvWriter row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = isFormula(value) ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\r") || safe.contains("\n")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static boolean isFormula(String value) {
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
