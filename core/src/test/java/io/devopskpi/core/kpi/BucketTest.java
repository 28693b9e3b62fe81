package io.devopskpi.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketTest {
    @Test
    void weeksAreAlignedToLocalMondaysAndClippedToTheWindow() {
        // Wed 2026-12-30 .. Wed 2027-01-13 UTC: clipped week of Mon 12-28, full week of Mon 01-04, clipped 01-11.
        List<Instant[]> weeks = Bucket.WEEK.split(Instant.parse("2026-12-30T00:00:00Z"),
                Instant.parse("2027-01-13T00:00:00Z"), ZoneOffset.UTC);
        assertThat(weeks).hasSize(3);
        assertThat(weeks.get(0)).containsExactly(Instant.parse("2026-12-30T00:00:00Z"),
                Instant.parse("2027-01-04T00:00:00Z"));
        assertThat(weeks.get(1)).containsExactly(Instant.parse("2027-01-04T00:00:00Z"),
                Instant.parse("2027-01-11T00:00:00Z"));
        assertThat(weeks.get(2)).containsExactly(Instant.parse("2027-01-11T00:00:00Z"),
                Instant.parse("2027-01-13T00:00:00Z"));
    }

    @Test
    void monthsFollowTheZoneAcrossDaylightSaving() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // March 2026 starts at 02-28T23:00Z (CET, +1) and April at 03-31T22:00Z (CEST, +2).
        List<Instant[]> months = Bucket.MONTH.split(Instant.parse("2026-03-10T00:00:00Z"),
                Instant.parse("2026-04-20T00:00:00Z"), berlin);
        assertThat(months).hasSize(2);
        assertThat(months.get(0)[1]).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
        assertThat(months.get(1)[0]).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
        assertThat(months.get(1)[1]).isEqualTo(Instant.parse("2026-04-20T00:00:00Z"));
    }

    @Test
    void parsesOnlyWeekAndMonth() {
        assertThat(Bucket.parse("month")).isEqualTo(Bucket.MONTH);
        assertThatThrownBy(() -> Bucket.parse("year")).hasMessageContaining("'year'");
    }
}
