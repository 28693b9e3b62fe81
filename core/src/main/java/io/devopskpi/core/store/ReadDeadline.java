package io.devopskpi.core.store;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A time budget for the reads a thread makes: while {@link #within} runs a read, every statement the store hands
 * out on that thread gets the time left as its JDBC query timeout (the database cancels it when it is spent), and
 * once the budget is spent no further statement is started ({@link java.sql.SQLTimeoutException}). Work between
 * statements is not interrupted: a read ends at its next statement or when the running one is cancelled.
 */
public final class ReadDeadline {
    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private ReadDeadline() {
    }

    /** Runs {@code read} on this thread with {@code budget} for its statements. */
    public static <T> T within(Duration budget, Supplier<T> read) {
        Long outer = DEADLINE.get();
        long deadline = System.nanoTime() + budget.toNanos();
        DEADLINE.set(outer == null ? deadline : Math.min(outer, deadline));
        try {
            return read.get();
        } finally {
            if (outer == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(outer);
            }
        }
    }

    /** Whether this thread runs under a budget. */
    static boolean isSet() {
        return DEADLINE.get() != null;
    }

    /** Nanoseconds left of this thread's budget (negative when spent); call only when {@link #isSet()}. */
    static long remainingNanos() {
        return DEADLINE.get() - System.nanoTime();
    }
}
