package io.devopskpi.core.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReviewWindowTest {
    @Test
    void quartersAndMonthsAreCalendarPeriodsInTheZone() {
        ReviewWindow q3 = ReviewWindow.parse("2026-Q3", ZoneId.of("Europe/Berlin"));
        // Berlin is UTC+2 in summer, UTC+1 from October 25
        assertThat(q3.from()).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
        assertThat(q3.to()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
        assertThat(ReviewWindow.parse("2026-02", ZoneOffset.UTC).to()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(ReviewWindow.parse("2026-01", ZoneOffset.UTC).previous(ZoneOffset.UTC).label()).isEqualTo("2025-12");
        assertThat(ReviewWindow.parse("2026-Q1", ZoneOffset.UTC).previous(ZoneOffset.UTC).label()).isEqualTo("2025-Q4");
    }

    @Test
    void theDefaultIsTheLastCompleteQuarter() {
        assertThat(ReviewWindow.lastCompleteQuarter(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC).label())
                .isEqualTo("2026-Q3");
        assertThat(ReviewWindow.lastCompleteQuarter(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC).label())
                .isEqualTo("2025-Q4");
    }

    @Test
    void refusesOtherForms() {
        for (String text : new String[] {"2026-Q5", "2026-13", "Q3", "2026"}) {
            assertThatThrownBy(() -> ReviewWindow.parse(text, ZoneOffset.UTC))
                    .hasMessageStartingWith("period must be a quarter such as 2026-Q3 or a month such as 2026-09");
        }
    }
}
