package io.devopskpi.core.model;

/** Something the store records: a deployment, an incident or an assignment. */
public sealed interface Event permits Deployment, Incident, Assignment {
    /** How error messages name this event, e.g. {@code deployment 'shop#42'}. */
    String describe();

    /** The application the event is about. */
    String application();
}
