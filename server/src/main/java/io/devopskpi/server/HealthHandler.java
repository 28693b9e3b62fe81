package io.devopskpi.server;

import com.google.gson.JsonObject;
import io.devopskpi.core.store.Store;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code GET /api/v1/health}: UP when the store answers. A dead database makes the pool wait for its connection
 * timeout, far longer than a probe waits; so the store is asked on one background thread, an answer is awaited
 * for {@link #PATIENCE_SECONDS}, and a check still running is shared by later probes rather than repeated.
 */
final class HealthHandler implements Handler, AutoCloseable {
    static final int PATIENCE_SECONDS = 3;

    private final Store store;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "devops-kpi-health");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Boolean> check;

    HealthHandler(Store store) {
        this.store = store;
    }

    @Override
    public void handle(Context ctx) throws InterruptedException {
        String storeState = storeState();
        JsonObject answer = new JsonObject();
        if (storeState == null) {
            answer.addProperty("status", "UP");
            JsonAnswers.write(ctx, HttpStatus.OK.getCode(), answer);
        } else {
            answer.addProperty("status", "DOWN");
            answer.addProperty("store", storeState);
            JsonAnswers.write(ctx, HttpStatus.SERVICE_UNAVAILABLE.getCode(), answer);
        }
    }

    /** Null when the store is usable, else what is wrong, without connection details. */
    private String storeState() throws InterruptedException {
        try {
            return currentCheck().get(PATIENCE_SECONDS, TimeUnit.SECONDS) ? null : "unreachable";
        } catch (TimeoutException e) {
            return "not answering within " + PATIENCE_SECONDS + " s";
        } catch (ExecutionException e) {
            return "unreachable";
        }
    }

    private synchronized Future<Boolean> currentCheck() {
        if (check == null || check.isDone()) {
            check = prober.submit(store::isUsable);
        }
        return check;
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }
}
