package io.devopskpi.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BandTableTextTest {
    @Test
    void blankRowsKeepTheDefaults() {
        assertThat(BandTableText.parse(null, " ", null, "")).isEqualTo(BandTable.defaults());
        assertThat(BandTableText.parse(BandTableText.DEFAULT_DEPLOYMENT_DAYS, BandTableText.DEFAULT_LEAD_TIME,
                BandTableText.DEFAULT_CHANGE_FAILURE_PERCENT, BandTableText.DEFAULT_TIME_TO_RESTORE))
                .isEqualTo(BandTable.defaults());
    }

    @Test
    void eachRowIsEliteHighMedium() {
        BandTable table = BandTableText.parse("7, 2, 3", "4h, 2d, 14d", "2.5, 5, 20", "30m, 4h, 2d");
        assertThat(table.eliteDaysPerWeek()).isEqualTo(7);
        assertThat(table.mediumDaysPerMonth()).isEqualTo(3);
        assertThat(table.highLeadTime()).isEqualTo(Duration.ofDays(2));
        assertThat(table.eliteFailurePercent()).isEqualTo(2.5);
        assertThat(table.eliteRestore()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void limitsMustRiseFromEliteToMedium() {
        assertThat(BandTableText.problem(null, "7d, 1d, 30d", null, null))
                .isEqualTo("lead time limits must rise from elite to medium: PT168H, PT24H, PT720H");
        assertThat(BandTableText.problem(null, null, "15, 10, 5", null))
                .startsWith("change failure percentages must rise from elite to medium");
        assertThat(BandTableText.problem("1, 5, 1", null, null, null)).contains("elite must be at least high");
        assertThat(BandTableText.problem(null, null, null, "1h, 1d, 7d")).isNull();
    }

    @Test
    void problemsNameTheRow() {
        assertThatThrownBy(() -> BandTableText.parse("5, 1", null, null, null))
                .hasMessage("deployment days needs three limits, elite, high and medium, separated by commas: '5, 1'");
        assertThatThrownBy(() -> BandTableText.parse(null, null, "five, 10, 15", null))
                .hasMessage("change failure percent limits must be numbers: 'five, 10, 15'");
        assertThatThrownBy(() -> BandTableText.parse(null, "1d, soon, 30d", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
