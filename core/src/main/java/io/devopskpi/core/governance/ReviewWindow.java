package io.devopskpi.core.governance;

import io.devopskpi.core.model.ReviewPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One review period of a scorecard: a calendar month ({@code 2026-09}) or quarter ({@code 2026-Q3}) in a zone,
 * as the half-open window [from, to).
 */
public record ReviewWindow(ReviewPeriod kind, String label, Instant from, Instant to) {
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /**
     * @throws IllegalArgumentException naming the expected forms
     */
    public static ReviewWindow parse(String text, ZoneId zone) {
        Matcher quarter = QUARTER.matcher(text);
        if (quarter.matches()) {
            return quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)), zone);
        }
        if (MONTH.matcher(text).matches()) {
            try {
                return month(YearMonth.parse(text), zone);
            } catch (DateTimeParseException e) {
                // falls through to the message below: a month such as 2026-13
            }
        }
        throw new IllegalArgumentException("period must be a quarter such as 2026-Q3 or a month such as 2026-09, got "
                + io.devopskpi.core.text.Excerpt.quoted(text));
    }

    /** The last quarter that ended at or before {@code now} in the zone (the scorecard's default period). */
    public static ReviewWindow lastCompleteQuarter(Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        return quarter == 1 ? quarter(today.getYear() - 1, 4, zone) : quarter(today.getYear(), quarter - 1, zone);
    }

    /** The period of this kind that contains the instant. */
    public static ReviewWindow containing(ReviewPeriod kind, Instant t, ZoneId zone) {
        LocalDate date = LocalDate.ofInstant(t, zone);
        return kind == ReviewPeriod.MONTH ? month(YearMonth.from(date), zone)
                : quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1, zone);
    }

    public ReviewWindow previous(ZoneId zone) {
        LocalDate start = LocalDate.ofInstant(from, zone);
        return kind == ReviewPeriod.MONTH ? month(YearMonth.from(start).minusMonths(1), zone)
                : containing(kind, start.minusMonths(3).atStartOfDay(zone).toInstant(), zone);
    }

    /** The {@code count} periods ending with this one, oldest first. */
    public List<ReviewWindow> trend(int count, ZoneId zone) {
        List<ReviewWindow> periods = new ArrayList<>();
        ReviewWindow period = this;
        for (int i = 0; i < count; i++) {
            periods.add(0, period);
            period = period.previous(zone);
        }
        return periods;
    }

    private static ReviewWindow month(YearMonth month, ZoneId zone) {
        return new ReviewWindow(ReviewPeriod.MONTH, month.toString(), month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }

    private static ReviewWindow quarter(int year, int quarter, ZoneId zone) {
        LocalDate start = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
        return new ReviewWindow(ReviewPeriod.QUARTER, year + "-Q" + quarter, start.atStartOfDay(zone).toInstant(),
                start.plusMonths(3).atStartOfDay(zone).toInstant());
    }
}
