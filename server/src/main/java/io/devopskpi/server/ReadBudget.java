package io.devopskpi.server;

import io.devopskpi.core.store.ReadDeadline;
import io.devopskpi.core.store.StoreException;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a read within the server's time budget ({@link ReadDeadline}: the database cancels the statement running
 * when the budget is spent and no further one starts), so a read over a huge store frees its thread and its
 * connection instead of holding them for minutes. A read that runs out of budget answers 503 saying so; the
 * client may narrow its window or filters, or try later.
 */
final class ReadBudget {
    private static final Logger LOG = LoggerFactory.getLogger(ReadBudget.class);

    private final Duration budget;

    ReadBudget(Duration budget) {
        this.budget = budget;
    }

    <T> T run(String what, Supplier<T> read) {
        long started = System.nanoTime();
        try {
            return ReadDeadline.within(budget, read);
        } catch (StoreException e) {
            if (System.nanoTime() - started < budget.toNanos()) {
                throw e; // failed before its budget was spent: the store's own trouble
            }
            LOG.warn("read {} stopped after its budget of {}: {}", what, shown(budget), e.getMessage());
            throw ApiException.error(HttpStatus.SERVICE_UNAVAILABLE.getCode(), "the read took longer than its "
                    + "time budget of " + shown(budget) + " and was stopped: narrow the window or the "
                    + "filters, or try again later");
        }
    }

    /** {@code 30 s}, or {@code 500 ms} below a whole second. */
    static String shown(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
