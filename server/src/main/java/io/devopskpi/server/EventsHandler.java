package io.devopskpi.server;

import com.google.gson.JsonObject;
import io.devopskpi.core.api.ApiJson;
import io.devopskpi.core.ingest.EventConflictException;
import io.devopskpi.core.ingest.IngestResult;
import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.ingest.InvalidEventsException;
import io.devopskpi.core.json.EventJson;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /api/v1/events}: authenticated, bounded, strictly parsed, then stored all-or-nothing. */
final class EventsHandler implements Handler {
    /** api.md: bodies over 16 MiB are refused with 413. */
    static final int MAX_BODY = 16 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(EventsHandler.class);

    private final TokenAuth auth;
    private final Ingestor ingestor;
    private final ServerMetrics metrics;

    EventsHandler(TokenAuth auth, Ingestor ingestor, ServerMetrics metrics) {
        this.auth = auth;
        this.ingestor = ingestor;
        this.metrics = metrics;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        // before reading anything: only holders of the token may make the server buffer a large body
        String writer = auth.requireWrite(ctx);
        String body = RequestBody.json(ctx, MAX_BODY);
        IngestResult result;
        try {
            result = ingestor.ingest(EventJson.parse(body));
        } catch (InvalidEventsException e) {
            metrics.refused("invalid");
            throw new ApiException(HttpStatus.BAD_REQUEST.getCode(), ApiJson.eventErrors(e.errors()));
        } catch (EventConflictException e) {
            metrics.refused("conflict");
            throw new ApiException(HttpStatus.CONFLICT.getCode(), ApiJson.conflict(e.getMessage(), e.index()));
        }
        metrics.ingested(result);
        LOG.info("events from writer '{}': {} accepted, {} duplicates, {} updated", writer, result.accepted(),
                result.duplicates(), result.updated());
        JsonObject answer = new JsonObject();
        answer.addProperty("accepted", result.accepted());
        answer.addProperty("duplicates", result.duplicates());
        answer.addProperty("updated", result.updated());
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(), answer);
    }
}
