package io.devopskpi.core.metric;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GateFormatTest {
    @Test
    void durationsReadLikeAPersonWritesThem() {
        assertThat(GateFormat.duration(93_784)).isEqualTo("1d 2h 3m 4s");
        assertThat(GateFormat.duration(0)).isEqualTo("0s");
        assertThat(GateFormat.duration(14_400)).isEqualTo("4h");
    }
}
