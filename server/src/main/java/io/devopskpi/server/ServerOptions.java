package io.devopskpi.server;

import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.store.Retention;
import io.devopskpi.core.store.StoreConfig;
import io.devopskpi.core.export.KpiMetrics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a {@link KpiServer}. {@code writeToken} null: use the token whose hash the store holds, generating
 * one on first start. {@code readToken} null: reads are public. Port 0 picks a free port. {@code metricsWindow}: the
 * window ending now that {@code /metrics} computes the KPIs over. {@code retention} null: events are kept forever.
 * {@code keepAuthors} false: the authors of changes are never stored.
 */
public record ServerOptions(String bind, int port, StoreConfig store, String writeToken, String readToken,
        Clock clock, KpiSettings settings, Duration metricsWindow, Path writersFile, HttpLimits limits,
        Retention retention, boolean keepAuthors) {

    /** With the default {@link HttpLimits}, keeping events forever, with their authors. */
    public ServerOptions(String bind, int port, StoreConfig store, String writeToken, String readToken, Clock clock,
            KpiSettings settings, Duration metricsWindow, Path writersFile) {
        this(bind, port, store, writeToken, readToken, clock, settings, metricsWindow, writersFile,
                HttpLimits.defaults(), null, true);
    }

    /** The same options deleting events older than {@code value} on start and daily (null: keeping them). */
    public ServerOptions withRetention(Retention value) {
        return new ServerOptions(bind, port, store, writeToken, readToken, clock, settings, metricsWindow,
                writersFile, limits, value, keepAuthors);
    }

    /** The same options with the authors of changes removed before anything is stored. */
    public ServerOptions withoutAuthors() {
        return new ServerOptions(bind, port, store, writeToken, readToken, clock, settings, metricsWindow,
                writersFile, limits, retention, false);
    }

    /** Without named writers ({@code --writers-file}). */
    public ServerOptions(String bind, int port, StoreConfig store, String writeToken, String readToken, Clock clock,
            KpiSettings settings, Duration metricsWindow) {
        this(bind, port, store, writeToken, readToken, clock, settings, metricsWindow, null);
    }

    /** The same options with named write tokens from {@code file} (null: none). */
    public ServerOptions withWriters(Path file) {
        return new ServerOptions(bind, port, store, writeToken, readToken, clock, settings, metricsWindow, file,
                limits, retention, keepAuthors);
    }

    /** The same options with these connection limits and shutdown grace. */
    public ServerOptions withLimits(HttpLimits value) {
        return new ServerOptions(bind, port, store, writeToken, readToken, clock, settings, metricsWindow,
                writersFile, value, retention, keepAuthors);
    }

    public ServerOptions {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(metricsWindow, "metricsWindow");
        Objects.requireNonNull(limits, "limits");
        if (metricsWindow.isNegative() || metricsWindow.isZero()) {
            throw new IllegalArgumentException("the metrics window must be longer than zero: " + metricsWindow);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (writeToken != null && writeToken.isBlank()) {
            throw new IllegalArgumentException("the write token must not be blank");
        }
        if (readToken != null && readToken.isBlank()) {
            throw new IllegalArgumentException("the read token must not be blank");
        }
    }

    /** With the default metrics window, {@link KpiMetrics#DEFAULT_WINDOW}. */
    public ServerOptions(String bind, int port, StoreConfig store, String writeToken, String readToken, Clock clock,
            KpiSettings settings) {
        this(bind, port, store, writeToken, readToken, clock, settings, KpiMetrics.DEFAULT_WINDOW);
    }

    /** Loopback, a free port, public reads, default KPI settings. */
    public static ServerOptions forTests(StoreConfig store, String writeToken, Clock clock) {
        return new ServerOptions("127.0.0.1", 0, store, writeToken, null, clock, KpiSettings.defaults());
    }

    /** Never prints the tokens. */
    @Override
    public String toString() {
        return "ServerOptions[" + bind + ":" + port + ", " + store + ", readToken " + (readToken == null ? "none"
                : "set") + (retention == null ? "" : ", retain " + retention) + (keepAuthors ? "" : ", no authors")
                + "]";
    }
}
