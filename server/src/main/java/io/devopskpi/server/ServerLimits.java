package io.devopskpi.server;

import java.time.Duration;
import java.util.Objects;

/**
 * What protects the server from its clients (security.md, "Limits"): the request rate each client may send, and
 * the time budget of every read (a read that would exceed it answers 503).
 */
record ServerLimits(RateLimit rate, Duration readBudget) {
    /** Generous enough for the slowest read a normal store needs, short enough not to tie up a thread for minutes. */
    static final Duration DEFAULT_READ_BUDGET = Duration.ofSeconds(30);

    ServerLimits {
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(readBudget, "readBudget");
        if (readBudget.toMillis() < 1) {
            throw new IllegalArgumentException("the read budget must be at least 1 ms: " + readBudget);
        }
    }

    static ServerLimits defaults() {
        return new ServerLimits(RateLimit.DEFAULT, DEFAULT_READ_BUDGET);
    }

    ServerLimits withRate(RateLimit other) {
        return new ServerLimits(other, readBudget);
    }

    ServerLimits withReadBudget(Duration other) {
        return new ServerLimits(rate, other);
    }
}
