package io.devopskpi.core.ingest;

/** What applying one event did, counted into an {@link IngestResult}. */
enum Outcome {
    ACCEPTED, DUPLICATE, UPDATED
}
