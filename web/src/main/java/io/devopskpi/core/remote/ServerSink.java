package io.devopskpi.core.remote;

import io.devopskpi.core.ingest.EventConflictException;
import io.devopskpi.core.ingest.InvalidEventsException;
import io.devopskpi.core.json.EventJsonWriter;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.outbox.EventSink;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * Delivers the outbox's events to a central server's {@code POST /api/v1/events}, one per request, with the write
 * token. The server stores by id, so a re-send after a lost answer is a duplicate, not a second event. Its answers
 * become the outbox's outcomes: 200 stored; 400 {@link InvalidEventsException} with the server's field errors and
 * 409 {@link EventConflictException} (set aside for good), when they come in the server's error shape; anything
 * else, or no answer in time, {@link ServerUnavailableException} (the event stays queued).
 */
public final class ServerSink implements EventSink {
    static final String EVENTS = "/api/v1/events";

    private final CentralServer server;

    public ServerSink(CentralServer server) {
        this.server = Objects.requireNonNull(server, "server");
    }

    @Override
    public void accept(Event event) {
        HttpResponse<String> response = server.postWithWriteToken(EVENTS, EventJsonWriter.toJson(event).toString());
        int status = response.statusCode();
        if (status == 200) {
            return;
        }
        // only the server's own refusal sets an event aside for good: a proxy's 400 page says nothing about it
        if (status == 400 && ServerAnswers.isRefusal(response.body())) {
            throw new InvalidEventsException(ServerAnswers.errors(response.body()));
        }
        if (status == 409 && ServerAnswers.isRefusal(response.body())) {
            throw new EventConflictException(0, ServerAnswers.error(response.body()));
        }
        server.requireAvailable(EVENTS, response);
        // 404 (not a devops-kpi server, or behind a wrong path), 413, 415 ...: the event itself may be fine
        throw new ServerUnavailableException(server.where(EVENTS) + " answered HTTP " + status + ": "
                + ServerAnswers.error(response.body()));
    }
}
