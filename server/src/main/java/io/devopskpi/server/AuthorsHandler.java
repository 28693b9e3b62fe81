package io.devopskpi.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.devopskpi.core.api.ApiJson;
import io.devopskpi.core.json.EventJson;
import io.devopskpi.core.json.StrictJson;
import io.devopskpi.core.kpi.QueryError;
import io.devopskpi.core.store.ChangeAuthors;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.text.Excerpt;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/authors/pseudonymise} and {@code /api/v1/authors/drop} (api.md, "Change authors"): erases one
 * change author ({@code {"author": "ann"}}) or every one ({@code {"all": true}}) with the write token. The log names
 * the writer and the number of changes, never the author.
 */
final class AuthorsHandler implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(AuthorsHandler.class);
    static final int MAX_BODY = 4 * 1024;
    private static final int MAX_AUTHOR = 200;
    private static final Set<String> FIELDS = Set.of("author", "all");

    private final TokenAuth auth;
    private final Store store;
    private final Clock clock;
    private final ChangeAuthors.Erasure erasure;

    AuthorsHandler(TokenAuth auth, Store store, Clock clock, ChangeAuthors.Erasure erasure) {
        this.auth = auth;
        this.store = store;
        this.clock = clock;
        this.erasure = erasure;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        String writer = auth.requireWrite(ctx);
        String author = author(RequestBody.json(ctx, MAX_BODY));
        int changed = ChangeAuthors.erase(store, clock.instant(), author, erasure);
        LOG.info("writer '{}' had {} {} on {} changes", writer, author == null ? "every author" : "one author",
                erasure == ChangeAuthors.Erasure.DROP ? "dropped" : "pseudonymised", changed);
        JsonObject answer = new JsonObject();
        answer.addProperty("changes", changed);
        JsonAnswers.write(ctx, HttpStatus.OK.getCode(), answer);
    }

    /** The author the body names, or null for {@code "all": true}; 400 naming the field otherwise. */
    private static String author(String body) {
        JsonElement tree;
        try {
            tree = StrictJson.parse(body);
        } catch (StrictJson.Refused e) {
            throw refused(e.path().isEmpty() ? EventJson.BODY : StrictJson.field(e.path()), e.getMessage());
        }
        if (!tree.isJsonObject()) {
            throw refused(EventJson.BODY, "the body must be an object: {\"author\": \"<name>\"} or {\"all\": true}");
        }
        JsonObject object = tree.getAsJsonObject();
        List<QueryError> errors = new ArrayList<>();
        for (String key : object.keySet()) {
            if (!FIELDS.contains(key)) {
                errors.add(new QueryError(key, "unknown field " + Excerpt.quoted(key)
                        + " (fields: author, all)"));
            }
        }
        JsonElement author = object.get("author");
        JsonElement all = object.get("all");
        if (author != null && all != null) {
            errors.add(new QueryError("all", "give either author or all, not both"));
        } else if (author == null && all == null) {
            errors.add(new QueryError("author", "name an author, or send {\"all\": true}"));
        }
        String name = null;
        if (author != null && (!author.isJsonPrimitive() || !author.getAsJsonPrimitive().isString()
                || author.getAsString().isBlank() || author.getAsString().length() > MAX_AUTHOR)) {
            errors.add(new QueryError("author", "author must be a non-blank string of at most " + MAX_AUTHOR
                    + " characters"));
        } else if (author != null) {
            name = author.getAsString();
        }
        if (all != null && !(all.isJsonPrimitive() && all.getAsJsonPrimitive().isBoolean() && all.getAsBoolean())) {
            errors.add(new QueryError("all", "all must be true, got " + Excerpt.quoted(all.toString())));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST.getCode(), ApiJson.queryErrors(errors));
        }
        return name;
    }

    private static ApiException refused(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST.getCode(), ApiJson.queryErrors(List.of(
                new QueryError(field, message))));
    }
}
