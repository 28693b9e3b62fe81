package io.devopskpi.core.kpi;

import java.util.List;

/** A KPI or gate query that cannot be answered as asked (HTTP 400), with every problem found. */
public final class InvalidQueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<QueryError> errors;

    public InvalidQueryException(List<QueryError> errors) {
        super(errors.isEmpty() ? "invalid query" : errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<QueryError> errors() {
        return errors;
    }
}
