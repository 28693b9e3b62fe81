package io.devopskpi.core.query;

import io.devopskpi.core.kpi.Scope;

/** The WHERE condition of a scope over an event's application and its attributed team and supplier. */
final class ScopeSql {
    private ScopeSql() {
    }

    /** {@code AND ...} for the scope, its argument added to {@code args}; empty for everything. */
    static String and(Scope scope, String application, String team, String supplier, SqlArgs args) {
        if (scope.kind() == Scope.Kind.ALL) {
            return "";
        }
        args.add(scope.name());
        String column = switch (scope.kind()) {
            case APPLICATION -> application;
            case TEAM -> team;
            default -> supplier;
        };
        return " AND " + column + " = ?";
    }
}
