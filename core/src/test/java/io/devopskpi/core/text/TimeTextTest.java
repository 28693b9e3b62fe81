package io.devopskpi.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeTextTest {
    @ParameterizedTest
    @CsvSource({"P30D, PT720H", "P2W, PT336H", "PT12H, PT12H", "P1DT12H, PT36H", "PT90M, PT1H30M", "PT45S, PT45S",
            "p1w2d, PT216H", "P1W2DT3H4M5S, PT219H4M5S"})
    void readsIsoDurationsInFixedUnits(String text, String expected) {
        assertThat(TimeText.isoDuration(text)).isEqualTo(Duration.parse(expected));
        assertThat(TimeText.duration(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"30d, P30D", "4h, PT4H", "30m, PT30M", "45s, PT45S", "2w, P14D", "2D, P2D"})
    void readsShortDurations(String text, String expected) {
        assertThat(TimeText.duration(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "P", "PT", "P1DT", "30", "30d", "P-1D", "PT1.5H", "1 day", "P30DX", "P10000000000D"})
    void refusesOtherIsoDurations(String text) {
        assertThatThrownBy(() -> TimeText.isoDuration(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO-8601 duration").hasMessageContaining("'" + text + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1M", "P1Y", "P1Y2M3D", "p3m"})
    void refusesCalendarLengths(String text) {
        assertThatThrownBy(() -> TimeText.isoDuration(text)).hasMessageStartingWith("years and months have no fixed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P0D", "PT0S", "0h"})
    void refusesZero(String text) {
        assertThatThrownBy(() -> TimeText.duration(text)).hasMessageStartingWith("must be longer than zero");
    }

    @ParameterizedTest
    @CsvSource({"2026-01-05T10:07:00Z, 2026-01-05T10:07:00Z", "2026-01-05T11:07:00+01:00, 2026-01-05T10:07:00Z",
            "2026-01-05T10:07:00.5Z, 2026-01-05T10:07:00.500Z"})
    void readsInstantsWithZoneOrOffset(String text, String expected) {
        assertThat(TimeText.instant(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-05T10:07:00", "2026-01-05", "yesterday", "1767607200", ""})
    void refusesLocalTimesAndOtherText(String text) {
        assertThat(TimeText.instant(text)).isEmpty();
    }
}
