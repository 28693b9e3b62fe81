package io.devopskpi.core.remote;

import io.devopskpi.core.outbox.EventSink;
import io.devopskpi.core.outbox.Outbox;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains an outbox into a sink on one background thread of its own: when asked ({@link #soon}; the owner asks at
 * start, for what a restart left queued, and after each event it puts), and after a failed delivery not before its
 * {@link Backoff} has passed (1 s doubling to 5 min, back to none after a success), so a server that is down is not
 * asked again by every build meanwhile. Callers never wait: a build only puts its event into the outbox and asks for a
 * drain.
 */
public final class OutboxDelivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

    private final Outbox outbox;
    private final EventSink sink;
    private final Preparation preparation;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private Backoff backoff;
    /** When the next try may start after a failure; null after a success. */
    private Instant notBefore;
    private boolean scheduled;

    public OutboxDelivery(Outbox outbox, EventSink sink, Backoff backoff, Clock clock) {
        this(outbox, sink, () -> { }, backoff, clock);
    }

    /**
     * @param preparation run on the delivery thread before each drain (it may put events into the outbox); when it
     *     throws, the drain fails as a failed delivery does and is tried again after the backoff
     */
    public OutboxDelivery(Outbox outbox, EventSink sink, Preparation preparation, Backoff backoff, Clock clock) {
        this.outbox = outbox;
        this.sink = sink;
        this.preparation = preparation;
        this.backoff = backoff;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "devops-kpi outbox to server");
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for a drain: now, or when the wait after the last failure ends (one drain is scheduled at a time). */
    public synchronized void soon() {
        if (scheduled) {
            return;
        }
        long delay = notBefore == null ? 0 : Math.max(0, Duration.between(clock.instant(), notBefore).toMillis());
        try {
            thread.schedule(this::deliver, delay, TimeUnit.MILLISECONDS);
            scheduled = true;
        } catch (RejectedExecutionException e) {
            LOG.debug("devops-kpi: closed; the events wait in the outbox for the next start");
        }
    }

    /** The backoff now: how many deliveries failed in a row and how long the next try waits. */
    public synchronized Backoff backoff() {
        return backoff;
    }

    /** Delivers what waits, on the caller's thread, with the same bookkeeping. @return how many the sink took */
    public int deliverNow() throws IOException {
        synchronized (this) {
            scheduled = false;
        }
        AtomicInteger taken = new AtomicInteger();
        try {
            preparation.run();
            int delivered = outbox.replay(event -> {
                sink.accept(event);
                taken.incrementAndGet();
            });
            synchronized (this) {
                backoff = backoff.succeeded();
                notBefore = null;
            }
            return delivered;
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                // a drain that got some events through before it stopped (a rate limit's 429) starts over at the
                // first wait: the server answers, it only wants fewer at a time
                backoff = (taken.get() > 0 ? backoff.succeeded() : backoff).failed();
                notBefore = clock.instant().plus(backoff.delay());
            }
            throw e;
        }
    }

    private void deliver() {
        try {
            deliverNow();
        } catch (IOException | RuntimeException e) {
            Duration wait = backoff().delay();
            LOG.warn("devops-kpi: events stay in the outbox, next try in {} s: {}", wait.toSeconds(),
                    e.getMessage());
            soon();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /** Work before a drain, such as turning waiting incident resolutions into events. */
    @FunctionalInterface
    public interface Preparation {
        void run() throws IOException;
    }
}
