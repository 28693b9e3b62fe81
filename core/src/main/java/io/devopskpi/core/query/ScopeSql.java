package io.devopskpi.core.query;

import io.devopskpi.core.attribution.AttributionSql;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.store.SqlArgs;

/** The WHERE condition of a scope over an event's application and its attributed team and supplier. */
final class ScopeSql {
    private ScopeSql() {
    }

    /**
     * {@code AND ...} for the scope over the events' {@code application} column and their {@code attribution},
     * its argument added to {@code args}; empty for everything.
     */
    static String and(Scope scope, String application, AttributionSql attribution, SqlArgs args) {
        if (scope.kind() == Scope.Kind.ALL) {
            return "";
        }
        args.add(scope.name());
        String column = switch (scope.kind()) {
            case APPLICATION -> application;
            case TEAM -> attribution.team();
            default -> attribution.supplier();
        };
        return " AND " + column + " = ?";
    }
}
