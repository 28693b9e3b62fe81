package io.devopskpi.core.ingest;

/** What a batch did: events newly stored, re-sends that changed nothing, re-sends that updated stored events. */
public record IngestResult(int accepted, int duplicates, int updated) {
}
