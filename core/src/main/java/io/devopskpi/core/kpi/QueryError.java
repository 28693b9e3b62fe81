package io.devopskpi.core.kpi;

/** One refused part of a KPI or gate query: the parameter or field, and what is wrong with it. */
public record QueryError(String field, String message) {
}
