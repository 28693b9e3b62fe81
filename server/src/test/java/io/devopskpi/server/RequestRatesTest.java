package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** issue 13, the per-client request rate: a bucket per client, refilled evenly, in a table of bounded size. */
class RequestRatesTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void aClientMaySendItsBudgetAtOnceThenWaitsForTheRefill() {
        RequestRates rates = new RequestRates(RateLimit.parse("3/min"), nanos::get, 100);
        assertThat(rates.take("writer ci")).isZero();
        assertThat(rates.take("writer ci")).isZero();
        assertThat(rates.take("writer ci")).isZero();
        // one request comes back every 20 s
        assertThat(rates.take("writer ci")).isEqualTo(20);
        // another client has its own budget
        assertThat(rates.take("address 10.0.0.1")).isZero();
        nanos.addAndGet(Duration.ofSeconds(15).toNanos());
        assertThat(rates.take("writer ci")).isEqualTo(5);
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(rates.take("writer ci")).isZero();
        assertThat(rates.take("writer ci")).isEqualTo(20);
    }

    @Test
    void aFullBucketDoesNotGrowBeyondTheLimitWhileTheClientIsQuiet() {
        RequestRates rates = new RequestRates(RateLimit.parse("2/s"), nanos::get, 100);
        nanos.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(rates.take("c")).isZero();
        nanos.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(rates.take("c")).isZero();
        assertThat(rates.take("c")).isZero();
        assertThat(rates.take("c")).isEqualTo(1);
    }

    @Test
    void manyDistinctClientsNeverGrowTheTableBeyondItsBound() {
        RequestRates rates = new RequestRates(RateLimit.parse("1/h"), nanos::get, RequestRates.MAX_CLIENTS);
        for (int i = 0; i < 1_000_000; i++) {
            rates.take("address 10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
        }
        assertThat(rates.clients()).isEqualTo(RequestRates.MAX_CLIENTS);
        // the clients heard from last are still remembered (and limited)
        assertThat(rates.take("address 10.15.66.63")).isEqualTo(3600);
    }

    @Test
    void offLimitsNothingAndRemembersNoOne() {
        RequestRates rates = new RequestRates(RateLimit.OFF, nanos::get, 100);
        for (int i = 0; i < 10_000; i++) {
            assertThat(rates.take("c" + i)).isZero();
        }
        assertThat(rates.clients()).isZero();
    }

    @Test
    void theLimitIsWrittenAsRequestsPerSecondMinuteOrHour() {
        assertThat(RateLimit.parse("50/s")).isEqualTo(new RateLimit(50, Duration.ofSeconds(1)));
        assertThat(RateLimit.parse("600/min").toString()).isEqualTo("600/min");
        assertThat(RateLimit.parse("10000/h").period()).isEqualTo(Duration.ofHours(1));
        assertThat(RateLimit.parse("OFF").isOff()).isTrue();
        for (String bad : new String[] {"50", "0/s", "-1/s", "50/d", "x/s", "/s", "50/"}) {
            assertThatThrownBy(() -> RateLimit.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }
}
