package io.devopskpi.core.kpi;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Calendar buckets of a trend: ISO weeks (Monday 00:00 local) or calendar months, in the query's zone. */
public enum Bucket {
    WEEK, MONTH;

    public static Bucket parse(String text) {
        for (Bucket bucket : values()) {
            if (bucket.name().toLowerCase(Locale.ROOT).equals(text)) {
                return bucket;
            }
        }
        throw new IllegalArgumentException("bucket must be week or month: '" + text + "'");
    }

    /** The buckets that intersect [from, to), each clipped to it, in time order. */
    public List<Instant[]> split(Instant from, Instant to, ZoneId zone) {
        List<Instant[]> buckets = new ArrayList<>();
        LocalDate start = periodStart(LocalDate.ofInstant(from, zone));
        while (true) {
            Instant bucketStart = start.atStartOfDay(zone).toInstant();
            if (!bucketStart.isBefore(to)) {
                break;
            }
            LocalDate next = this == WEEK ? start.plusWeeks(1) : start.plusMonths(1);
            Instant bucketEnd = next.atStartOfDay(zone).toInstant();
            buckets.add(new Instant[] {bucketStart.isBefore(from) ? from : bucketStart,
                    bucketEnd.isAfter(to) ? to : bucketEnd});
            start = next;
        }
        return buckets;
    }

    private LocalDate periodStart(LocalDate date) {
        return this == WEEK ? date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : date.withDayOfMonth(1);
    }
}
