package io.devopskpi.core.kpi;

/** Whether an event with a given application and attribution belongs to the query's scope. */
final class ScopeFilter {
    private final Scope scope;

    ScopeFilter(Scope scope) {
        this.scope = scope;
    }

    boolean matches(String application, Attribution attribution) {
        return switch (scope.kind()) {
            case ALL -> true;
            case APPLICATION -> scope.name().equals(application);
            case TEAM -> scope.name().equals(attribution.team());
            case SUPPLIER -> scope.name().equals(attribution.supplier());
        };
    }

    boolean matches(DeploymentRecord deployment) {
        return matches(deployment.application(), deployment.delivery());
    }

    boolean matches(IncidentRecord incident) {
        return matches(incident.application(), incident.operations());
    }
}
