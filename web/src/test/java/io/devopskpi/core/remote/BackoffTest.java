package io.devopskpi.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void waitsNothingUntilAFailureThenDoublesFromOneSecondToFiveMinutes() {
        Backoff backoff = Backoff.DEFAULT;
        assertThat(backoff.delay()).isZero();
        List<Long> seconds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            backoff = backoff.failed();
            seconds.add(backoff.delay().toSeconds());
        }
        assertThat(seconds).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L, 300L);
    }

    @Test
    void aSuccessResetsTheWait() {
        Backoff backoff = Backoff.DEFAULT.failed().failed().failed();
        assertThat(backoff.delay()).isEqualTo(Duration.ofSeconds(4));
        Backoff after = backoff.succeeded();
        assertThat(after.delay()).isZero();
        assertThat(after.failed().delay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void staysAtTheCapHoweverLongTheServerIsDown() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), Integer.MAX_VALUE);
        assertThat(backoff.delay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.failed().failures()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void refusesAWaitThatCannotGrow() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(5), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first");
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(10), Duration.ofMinutes(5), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
