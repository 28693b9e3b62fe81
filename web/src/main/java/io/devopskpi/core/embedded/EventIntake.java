package io.devopskpi.core.embedded;

import io.devopskpi.core.model.Event;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a CI's builds put their events: the durable outbox, drained into the controller's own store
 * ({@link EmbeddedKpis}) or to a central devops-kpi server ({@code io.devopskpi.core.remote.RemoteKpis}). A build
 * waits for the outbox's disk write, and for the store only as long as its {@link Patience} allows.
 */
public interface EventIntake {
    /** Puts the event in the outbox durably and asks for its delivery; never waits for the store. */
    void submit(Event event) throws IOException;

    /** Submits the event and waits up to {@link Patience#store()} for it to be stored. @return stored by then */
    boolean submitNow(Event event) throws IOException;

    /**
     * Ends the stored incident's impact at {@code resolved}. @return true when stored now, false when queued
     *
     * @throws IllegalArgumentException when no incident of that id is stored
     */
    boolean resolveNow(String id, Instant resolved) throws IOException;

    /** The last successful deployment's id, within {@link Patience#lookup()}. @throws RuntimeException otherwise */
    Optional<String> lastSuccessfulDeployment(String application, String environment);
}
