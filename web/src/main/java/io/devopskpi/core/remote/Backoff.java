package io.devopskpi.core.remote;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a delivery that failed waits before the next try: {@code first} after one failure, doubling with each
 * further failure up to {@code cap}; nothing after a success. An immutable value: each outcome gives the next one.
 */
public record Backoff(Duration first, Duration cap, int failures) {
    /** One second doubling to five minutes. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 0);

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(cap, "cap");
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 < first <= cap, got " + first + " and " + cap);
        }
        if (failures < 0) {
            throw new IllegalArgumentException("failures must not be negative: " + failures);
        }
    }

    /** The wait before the next try: zero when the last delivery succeeded. */
    public Duration delay() {
        if (failures == 0) {
            return Duration.ZERO;
        }
        Duration delay = first;
        for (int i = 1; i < failures && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    /** After one more failed delivery. */
    public Backoff failed() {
        return new Backoff(first, cap, failures == Integer.MAX_VALUE ? failures : failures + 1);
    }

    /** After a delivery that succeeded: the next try waits for nothing. */
    public Backoff succeeded() {
        return new Backoff(first, cap, 0);
    }
}
