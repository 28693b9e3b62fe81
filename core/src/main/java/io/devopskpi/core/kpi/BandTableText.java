package io.devopskpi.core.kpi;

import io.devopskpi.core.text.TimeText;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The band table as four lines of text, one per KPI, each the elite, high and medium limits separated by commas:
 * {@code 5, 1, 1} (deployment days: per week for elite and high, per month for medium), {@code 1d, 7d, 30d} (lead
 * time), {@code 5, 10, 15} (change failure percent), {@code 1h, 1d, 7d} (time to restore). A blank line keeps the
 * default row. What configuration forms and files edit.
 */
public final class BandTableText {
    public static final String DEFAULT_DEPLOYMENT_DAYS = "5, 1, 1";
    public static final String DEFAULT_LEAD_TIME = "1d, 7d, 30d";
    public static final String DEFAULT_CHANGE_FAILURE_PERCENT = "5, 10, 15";
    public static final String DEFAULT_TIME_TO_RESTORE = "1h, 1d, 7d";

    private BandTableText() {
    }

    /** @throws IllegalArgumentException naming the row and what is wrong with it */
    public static BandTable parse(String deploymentDays, String leadTime, String changeFailurePercent,
            String timeToRestore) {
        double[] days = numbers("deployment days", or(deploymentDays, DEFAULT_DEPLOYMENT_DAYS));
        Duration[] lead = durations("lead time", or(leadTime, DEFAULT_LEAD_TIME));
        double[] failure = numbers("change failure percent", or(changeFailurePercent, DEFAULT_CHANGE_FAILURE_PERCENT));
        Duration[] restore = durations("time to restore", or(timeToRestore, DEFAULT_TIME_TO_RESTORE));
        return new BandTable(days[0], days[1], days[2], lead[0], lead[1], lead[2], failure[0], failure[1],
                failure[2], restore[0], restore[1], restore[2]);
    }

    /** The problem of one row given alone (the others at their defaults), or null when it is fine. */
    public static String problem(String deploymentDays, String leadTime, String changeFailurePercent,
            String timeToRestore) {
        try {
            parse(deploymentDays, leadTime, changeFailurePercent, timeToRestore);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String or(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }

    private static List<String> limits(String row, String text) {
        List<String> parts = Arrays.stream(text.split(",")).map(String::trim).toList();
        if (parts.size() != 3 || parts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException(row + " needs three limits, elite, high and medium, separated by "
                    + "commas: '" + text.trim() + "'");
        }
        return parts;
    }

    private static double[] numbers(String row, String text) {
        try {
            return limits(row, text).stream().mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(row + " limits must be numbers: '" + text.trim() + "'", e);
        }
    }

    private static Duration[] durations(String row, String text) {
        return limits(row, text).stream().map(limit -> TimeText.duration(limit.toLowerCase(Locale.ROOT)))
                .toArray(Duration[]::new);
    }
}
