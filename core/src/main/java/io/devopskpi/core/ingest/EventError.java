package io.devopskpi.core.ingest;

/** One refused event of a batch: its index in the batch (null when the body as a whole is bad), field, reason. */
public record EventError(Integer index, String field, String message) {
}
