package io.devopskpi.core.kpi;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Median deployment days per ISO week and per calendar month (metrics.md): for every week or month of the
 * query's zone that intersects the window, the number of distinct local dates on which a deployment finished
 * inside the window; empty periods count as 0.
 */
final class DeploymentDays {
    private DeploymentDays() {
    }

    static double medianPerWeek(Collection<Instant> finished, Instant from, Instant to, ZoneId zone) {
        return median(finished, from, to, zone,
                date -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                period -> ((LocalDate) period).plusWeeks(1));
    }

    static double medianPerMonth(Collection<Instant> finished, Instant from, Instant to, ZoneId zone) {
        return median(finished, from, to, zone, YearMonth::from, period -> ((YearMonth) period).plusMonths(1));
    }

    /**
     * @param periodOf the period a local date falls in (the Monday of its ISO week, or its month)
     * @param next     the period after a period
     */
    private static double median(Collection<Instant> finished, Instant from, Instant to, ZoneId zone,
            Function<LocalDate, Object> periodOf, Function<Object, Object> next) {
        if (!from.isBefore(to)) {
            return 0;
        }
        Map<Object, Set<LocalDate>> days = new HashMap<>();
        ZoneRules rules = zone.getRules();
        for (Instant t : finished) {
            if (!t.isBefore(from) && t.isBefore(to)) {
                LocalDate date = localDate(t, rules);
                days.computeIfAbsent(periodOf.apply(date), p -> new HashSet<>()).add(date);
            }
        }
        Object first = periodOf.apply(LocalDate.ofInstant(from, zone));
        // The window is half-open: its last instant is just before `to`.
        Object last = periodOf.apply(LocalDate.ofInstant(to.minusNanos(1), zone));
        List<Double> counts = new ArrayList<>();
        for (Object period = first; ; period = next.apply(period)) {
            counts.add((double) days.getOrDefault(period, Set.of()).size());
            if (period.equals(last)) {
                break;
            }
        }
        return Statistics.of(counts).median();
    }

    /**
     * {@code LocalDate.ofInstant(t, zone)} with the zone's rules looked up once per window, not once per deployment
     * (a fixed offset makes new rules on every look-up).
     */
    private static LocalDate localDate(Instant t, ZoneRules rules) {
        return LocalDate.ofEpochDay(Math.floorDiv(t.getEpochSecond() + rules.getOffset(t).getTotalSeconds(),
                86_400L));
    }
}
