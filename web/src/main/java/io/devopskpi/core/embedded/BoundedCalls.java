package io.devopskpi.core.embedded;

import io.devopskpi.core.store.StoreException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Store (or central server) calls made for a caller that must not wait long (a page, a build step): each runs on a
 * small pool of background threads and the caller waits at most its patience. While an earlier call is still running
 * past its patience (a hung database), new calls give up at once instead of queueing behind it: a page then says "not
 * available" immediately, and everything answers again as soon as the store does.
 */
public final class BoundedCalls implements AutoCloseable {
    private static final int THREADS = 4;

    private final ExecutorService pool;
    private final AtomicInteger overdue = new AtomicInteger();

    public BoundedCalls(String name) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread thread = new Thread(r, name + " " + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        this.pool = executor;
    }

    /**
     * The call's answer, if it comes within {@code patience}.
     *
     * @throws StoreException when the store is not usable, did not answer in time, or has not answered an earlier
     *     call yet (the call then keeps running in the background)
     */
    public <T> T within(Duration patience, Callable<T> call) {
        if (overdue.get() > 0) {
            throw new StoreException("the store has not answered an earlier request yet");
        }
        CompletableFuture<T> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return call.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, pool);
        try {
            return answer.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            overdue.incrementAndGet();
            answer.whenComplete((value, failure) -> overdue.decrementAndGet());
            throw new StoreException("the store did not answer within " + Patience.text(patience), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause()
                    : e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StoreException("the store failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new StoreException("interrupted while waiting for the store", e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
