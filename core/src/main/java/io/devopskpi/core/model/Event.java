package io.devopskpi.core.model;

/**
 * Something the store records: a deployment, an incident, an assignment, or a governance fact (an application's
 * tags, a contract target, a satisfaction survey, a gate policy), or the voiding of a deployment or incident.
 */
public sealed interface Event permits Deployment, Incident, Assignment, ApplicationProfile, ContractTarget, Survey,
        GatePolicy, Voiding {
    /** How error messages name this event, e.g. {@code deployment 'shop#42'}. */
    String describe();

    /** The application the event is about, or null when it is not about one (a supplier's target, a policy). */
    String application();
}
