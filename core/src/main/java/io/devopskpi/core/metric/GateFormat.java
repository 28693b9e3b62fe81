package io.devopskpi.core.metric;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Values in gate messages as people read them: 0.82, 4h, 1d 2h 30m. */
public final class GateFormat {
    private GateFormat() {
    }

    public static String value(GateMetric metric, double value) {
        return switch (metric.unit()) {
            case SECONDS -> duration(value);
            case FRACTION -> decimal(value, 4);
            case NUMBER -> decimal(value, 2);
        };
    }

    static String decimal(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Whole days, hours, minutes and seconds, largest first, zero parts left out ("1d 2h", "45s", "0s"). */
    static String duration(double seconds) {
        long total = Math.round(seconds);
        long days = total / 86_400;
        long hours = total % 86_400 / 3_600;
        long minutes = total % 3_600 / 60;
        long rest = total % 60;
        StringBuilder text = new StringBuilder();
        append(text, days, "d");
        append(text, hours, "h");
        append(text, minutes, "m");
        append(text, rest, "s");
        return text.length() == 0 ? "0s" : text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(text.length() == 0 ? "" : " ").append(amount).append(unit);
        }
    }
}
