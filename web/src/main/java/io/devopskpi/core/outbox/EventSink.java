package io.devopskpi.core.outbox;

import io.devopskpi.core.ingest.EventConflictException;
import io.devopskpi.core.ingest.InvalidEventsException;
import io.devopskpi.core.model.Event;

/**
 * Where the outbox delivers: a store through an {@link io.devopskpi.core.ingest.Ingestor}, or anything else that
 * stores events idempotently by id (a remote devops-kpi server).
 */
@FunctionalInterface
public interface EventSink {
    /**
     * Stores the event, or throws: {@link InvalidEventsException} and {@link EventConflictException} refuse it for
     * good (the outbox sets it aside), any other runtime exception means "not now" (it stays queued).
     */
    void accept(Event event);
}
