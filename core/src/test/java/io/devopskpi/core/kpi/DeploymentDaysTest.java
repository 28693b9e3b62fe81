package io.devopskpi.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentDaysTest {
    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void weeksAcrossAYearBoundaryCountDistinctDaysAndEmptyWeeksAsZero() {
        // Window Mon 2026-12-21 .. Mon 2027-01-18 (UTC): ISO weeks 2026-W52 (Dec 21), 2026-W53 (Dec 28, which
        // holds Jan 1-3 2027), 2027-W01 (Jan 4), 2027-W02 (Jan 11).
        List<Instant> finished = List.of(
                at("2026-12-21T10:00:00Z"), at("2026-12-21T15:00:00Z"), at("2026-12-22T10:00:00Z"), // W52: 2 days
                at("2026-12-31T10:00:00Z"), at("2027-01-01T10:00:00Z"), at("2027-01-03T23:00:00Z"), // W53: 3 days
                at("2027-01-12T10:00:00Z")); // W02: 1 day; W01 empty: 0
        // counts 2, 3, 0, 1 → sorted 0, 1, 2, 3 → median (1 + 2) ÷ 2 = 1.5
        assertThat(DeploymentDays.medianPerWeek(finished, at("2026-12-21T00:00:00Z"), at("2027-01-18T00:00:00Z"),
                ZoneOffset.UTC)).isEqualTo(1.5);
        // months: December 2026 has 3 days (21, 22, 31), January 2027 has 3 (1, 3, 12) → median 3
        assertThat(DeploymentDays.medianPerMonth(finished, at("2026-12-21T00:00:00Z"), at("2027-01-18T00:00:00Z"),
                ZoneOffset.UTC)).isEqualTo(3.0);
    }

    @Test
    void partialEdgeWeeksCountAsTheyAre() {
        // Window Thu 2026-01-08 .. Wed 2026-01-14: weeks of Mon Jan 5 (Thu-Sun inside) and Mon Jan 12 (Mon-Tue).
        List<Instant> finished = List.of(at("2026-01-09T10:00:00Z"), at("2026-01-12T10:00:00Z"),
                at("2026-01-13T10:00:00Z"), at("2026-01-14T10:00:00Z")); // Jan 14 is outside [from, to)
        // counts: week 1 → 1 (Jan 9), week 2 → 2 (Jan 12, 13) → median 1.5
        assertThat(DeploymentDays.medianPerWeek(finished, at("2026-01-08T00:00:00Z"), at("2026-01-14T00:00:00Z"),
                ZoneOffset.UTC)).isEqualTo(1.5);
    }

    @Test
    void localDatesAndWeekStartsFollowTheZoneAcrossDaylightSaving() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // Berlin moves to summer time on Sun 2026-03-29. Window: Mon 2026-03-23 00:00 CET (= 03-22T23:00Z)
        // to Mon 2026-04-06 00:00 CEST (= 04-05T22:00Z): exactly two local weeks.
        Instant from = at("2026-03-22T23:00:00Z");
        Instant to = at("2026-04-05T22:00:00Z");
        List<Instant> finished = List.of(
                at("2026-03-22T23:30:00Z"), // Mon 03-23 00:30 CET: week 1 (in UTC it would still be Sunday)
                at("2026-03-29T21:30:00Z"), // Sun 03-29 23:30 CEST: week 1
                at("2026-03-29T22:30:00Z"), // Mon 03-30 00:30 CEST: week 2
                at("2026-04-01T10:00:00Z")); // Wed 04-01: week 2
        // week 1: 2 days, week 2: 2 days → median 2
        assertThat(DeploymentDays.medianPerWeek(finished, from, to, berlin)).isEqualTo(2.0);
        // In UTC the same instants fall on other dates and the window touches three ISO weeks:
        // W12 (Sun 03-22 23:30 → 1 day), W13 (Sun 03-29 21:30 and 22:30 → 1 day), W14 (Wed 04-01 → 1 day;
        // the window ends Sun 04-05 22:00) → counts 1, 1, 1 → median 1, where Berlin's local weeks give 2
        assertThat(DeploymentDays.medianPerWeek(finished, from, to, ZoneOffset.UTC)).isEqualTo(1.0);
    }
}
