package io.devopskpi.core.model;

/** A platform component a deployment used, e.g. a Jenkins shared library or a base image, with its version. */
public record Component(String name, String version) {
    public Component {
        String event = "component " + Checks.quote(name);
        name = Checks.required(name, "name", event, Checks.MAX_NAME);
        version = Checks.required(version, "version", event, Checks.MAX_NAME);
    }
}
