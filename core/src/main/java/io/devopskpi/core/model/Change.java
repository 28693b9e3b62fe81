package io.devopskpi.core.model;

import java.time.Instant;

/** A commit listed on a deployment: its id (SHA), its commit time and optionally its author. */
public record Change(String id, Instant committed, String author) {
    public Change {
        String event = "change " + Checks.quote(id);
        committed = Checks.micros(committed);
        id = Checks.required(id, "id", event, Checks.MAX_ID);
        Checks.present(committed, "committed", event);
        author = Checks.optional(author, "author", event, Checks.MAX_NAME);
    }
}
