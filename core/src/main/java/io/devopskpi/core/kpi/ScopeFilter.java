package io.devopskpi.core.kpi;

import java.util.Set;

/**
 * Whether an event with a given application and attribution belongs to the query's scope, optionally only among
 * some applications (a contract target's, or those with a tag).
 */
final class ScopeFilter {
    private final Scope scope;
    private final Set<String> applications;

    /** @param applications the applications to keep, or null for all */
    ScopeFilter(Scope scope, Set<String> applications) {
        this.scope = scope;
        this.applications = applications;
    }

    ScopeFilter(Scope scope) {
        this(scope, null);
    }

    boolean matches(String application, Attribution attribution) {
        if (applications != null && !applications.contains(application)) {
            return false;
        }
        return switch (scope.kind()) {
            case ALL -> true;
            case APPLICATION -> scope.name().equals(application);
            case TEAM -> scope.name().equals(attribution.team());
            case SUPPLIER -> scope.name().equals(attribution.supplier());
        };
    }

    /** Whether the application is among those kept (all, when no restriction was given). */
    boolean keeps(String application) {
        return applications == null || applications.contains(application);
    }

    boolean matches(DeploymentRecord deployment) {
        return matches(deployment.application(), deployment.delivery());
    }

    boolean matches(IncidentRecord incident) {
        return matches(incident.application(), incident.operations());
    }
}
