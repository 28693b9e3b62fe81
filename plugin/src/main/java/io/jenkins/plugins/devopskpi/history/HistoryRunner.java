package io.jenkins.plugins.devopskpi.history;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs history imports one at a time on its own background thread ({@code devops-kpi history import}), never on
 * the request thread that starts one; the page reads {@link #progress()} and may {@link #cancel()}.
 */
public final class HistoryRunner {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "devops-kpi history import");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile ImportProgress progress = ImportProgress.IDLE;

    /**
     * Starts an import unless one runs. The import is built on the background thread (it reads the rules and
     * opens the store there).
     *
     * @return false when an import is running already (nothing started)
     */
    public synchronized boolean start(Supplier<HistoryImport> importer) {
        if (progress.isRunning()) {
            return false;
        }
        cancelled.set(false);
        progress = new ImportProgress(ImportProgress.State.RUNNING, 0, 0, null, 0, 0, 0, 0, null, Instant.now(),
                null);
        thread.execute(() -> {
            try {
                progress = importer.get().run(cancelled::get, p -> progress = p);
            } catch (RuntimeException e) {
                progress = progress.end(ImportProgress.State.FAILED, String.valueOf(e.getMessage()), Instant.now());
            }
        });
        return true;
    }

    /** Asks the running import to stop after the build it reads (what it read before stays stored). */
    public void cancel() {
        cancelled.set(true);
    }

    public ImportProgress progress() {
        return progress;
    }

    /** Waits until what was started before this call ended (tests). @return false when the wait ran out */
    public boolean await(Duration wait) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        thread.execute(done::countDown);
        return done.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }
}
