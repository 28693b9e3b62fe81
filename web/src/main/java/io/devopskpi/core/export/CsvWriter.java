package io.devopskpi.core.export;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * CSV text as RFC 4180 defines it (CRLF line ends; a cell with a comma, double quote, CR or LF is quoted, its
 * quotes doubled). A text cell that a spreadsheet would run as a formula (starting with {@code =}, {@code +},
 * {@code -}, {@code @}, tab or CR) gets a leading single quote: names come from pipelines, and an export opened
 * in a spreadsheet must not execute what someone put in one. A number is a number cell: never guarded (a
 * spreadsheet reads {@code -0.3} as minus 0.3) and rounded for people to {@link #SIGNIFICANT_DIGITS} significant
 * digits, whole-number digits all kept (the JSON answers keep full precision).
 */
public final class CsvWriter {
    private final StringBuilder text = new StringBuilder();

    /** Numbers are written with this many significant digits, but never fewer than their whole-number digits. */
    public static final int SIGNIFICANT_DIGITS = 4;

    /**
     * Appends one row: a {@link Number} is a number cell ({@link #number}), anything else is text (its
     * {@code toString()}), null is an empty cell.
     */
    public CsvWriter row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    static String cell(Object value) {
        if (value instanceof Number number) {
            return number(number);
        }
        return text(value == null ? null : value.toString());
    }

    /**
     * A number as people read it: integers as they are, others rounded half-even to {@link #SIGNIFICANT_DIGITS}
     * significant digits (all whole-number digits kept), without exponent or trailing zeros: -0.30000000000000027
     * is {@code -0.3}, 0.21428571 is {@code 0.2143}, 86400.6 is {@code 86401}. NaN and infinities are empty cells.
     */
    static String number(Number value) {
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        double d = value.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "";
        }
        BigDecimal exact = BigDecimal.valueOf(d);
        int wholeDigits = Math.max(0, exact.precision() - exact.scale());
        BigDecimal rounded = exact.round(new MathContext(Math.max(SIGNIFICANT_DIGITS, wholeDigits),
                RoundingMode.HALF_EVEN));
        String text = rounded.stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    private static String text(String value) {
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
