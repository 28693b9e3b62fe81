package io.devopskpi.core.gate;

import io.devopskpi.core.metric.GateMetric;
import io.devopskpi.core.metric.Operator;
import io.devopskpi.core.metric.Threshold;
import io.devopskpi.core.text.Excerpt;
import io.devopskpi.core.text.TimeText;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Thresholds as people write them in pipelines and on command lines: an operator and a value, e.g.
 * {@code ">= 0.9"} for a rate, {@code "<= 4h"} or {@code "< PT30M"} for a duration, {@code "> 5"} for a count.
 */
public final class ThresholdText {
    private static final Pattern FORM = Pattern.compile("\\s*(>=|<=|>|<)\\s*(\\S+)\\s*");

    private ThresholdText() {
    }

    /**
     * @throws IllegalArgumentException naming what is wrong and quoting the (shortened) text
     */
    public static Threshold parse(GateMetric metric, String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException(metric.apiName() + " must be an operator (>=, >, <=, <) and a value, "
                    + "e.g. '" + example(metric) + "': " + Excerpt.quoted(String.valueOf(text)));
        }
        return new Threshold(metric, Operator.bySymbol(m.group(1)), value(metric, m.group(2)), null);
    }

    /** A threshold value: seconds or a duration ({@code 4h}, {@code PT4H}) for durations, a number otherwise. */
    public static BigDecimal value(GateMetric metric, String text) {
        if (metric.unit() == GateMetric.Unit.SECONDS && !isNumber(text)) {
            try {
                Duration duration = TimeText.duration(text);
                return BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9))
                        .stripTrailingZeros();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(metric.apiName() + " takes seconds or a duration such as 4h, 30m, "
                        + "2d or PT4H (" + e.getMessage() + ")", e);
            }
        }
        if (!isNumber(text)) {
            throw new IllegalArgumentException(metric.apiName() + " takes a number" + (metric.unit()
                    == GateMetric.Unit.FRACTION ? " from 0 to 1 (0.9, not 90%)" : "") + ": " + Excerpt.quoted(text));
        }
        // Read as the decimal number it is written as (metrics.md: thresholds are compared exactly).
        return new BigDecimal(text);
    }

    private static boolean isNumber(String text) {
        return text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    }

    private static String example(GateMetric metric) {
        return switch (metric.unit()) {
            case SECONDS -> "<= 4h";
            case FRACTION -> ">= 0.9";
            case NUMBER -> ">= 1";
        };
    }
}
