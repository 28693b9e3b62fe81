package io.devopskpi.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A pipeline run that put (or tried to put) one version of one application into one environment.
 * Its {@code id} is the idempotency key. {@code team} and {@code supplier} are explicit overrides of the
 * assignment (null: from the assignment).
 */
public record Deployment(
        String id,
        String application,
        String environment,
        Instant started,
        Instant finished,
        DeploymentResult result,
        DeploymentKind kind,
        String revision,
        List<Change> changes,
        List<Component> components,
        String pipeline,
        String url,
        boolean imported,
        String team,
        String supplier) implements Event {

    public Deployment {
        String event = "deployment " + Checks.quote(id);
        started = Checks.micros(started);
        finished = Checks.micros(finished);
        id = Checks.required(id, "id", event, Checks.MAX_ID);
        application = Checks.required(application, "application", event, Checks.MAX_NAME);
        environment = Checks.required(environment, "environment", event, Checks.MAX_NAME);
        Checks.present(started, "started", event);
        Checks.present(finished, "finished", event);
        Checks.notBefore(finished, "finished", started, "started", event);
        Checks.present(result, "result", event);
        kind = kind == null ? DeploymentKind.NORMAL : kind;
        revision = Checks.optional(revision, "revision", event, Checks.MAX_NAME);
        changes = distinctChanges(changes, event);
        components = distinctComponents(components, event);
        pipeline = Checks.optional(pipeline, "pipeline", event, Checks.MAX_TEXT);
        url = Checks.httpUrl(url, "url", event);
        team = Checks.ownerName(team, "team", event);
        supplier = Checks.ownerName(supplier, "supplier", event);
    }

    private static List<Change> distinctChanges(List<Change> changes, String event) {
        if (changes == null) {
            return List.of();
        }
        if (changes.size() > Checks.MAX_CHANGES) {
            throw new InvalidEventException("changes", "changes must list at most " + Checks.MAX_CHANGES
                    + " changes (" + event + "): " + changes.size());
        }
        Map<String, Change> byId = new LinkedHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = Checks.present(changes.get(i), "changes[" + i + "]", event);
            Change earlier = byId.putIfAbsent(change.id(), change);
            if (earlier != null && !earlier.equals(change)) {
                throw new InvalidEventException("changes[" + i + "].id", "changes[" + i + "].id is listed twice with "
                        + "different content (" + event + "): '" + change.id() + "'");
            }
        }
        return List.copyOf(byId.values());
    }

    private static List<Component> distinctComponents(List<Component> components, String event) {
        if (components == null) {
            return List.of();
        }
        if (components.size() > Checks.MAX_COMPONENTS) {
            throw new InvalidEventException("components", "components must list at most " + Checks.MAX_COMPONENTS
                    + " components (" + event + "): " + components.size());
        }
        Set<String> names = new HashSet<>();
        List<Component> result = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            Component component = Checks.present(components.get(i), "components[" + i + "]", event);
            if (!names.add(component.name())) {
                throw new InvalidEventException("components[" + i + "].name", "components[" + i
                        + "].name is listed twice (" + event + "): '" + component.name() + "'");
            }
            result.add(component);
        }
        return List.copyOf(result);
    }

    @Override
    public String describe() {
        return "deployment " + Checks.quote(id);
    }

    /** The same deployment listing {@code replaced} as its changes. */
    public Deployment withChanges(List<Change> replaced) {
        return new Deployment(id, application, environment, started, finished, result, kind, revision, replaced,
                components, pipeline, url, imported, team, supplier);
    }

    /** The same deployment with no change naming its author (a server that never stores authors). */
    public Deployment withoutAuthors() {
        return withChanges(changes.stream().map(c -> new Change(c.id(), c.committed(), null)).toList());
    }

    /** SUCCESS or FAILURE: an attempt that counts for change failure rate. */
    public boolean isChangeAttempt() {
        return result == DeploymentResult.SUCCESS || result == DeploymentResult.FAILURE;
    }

    /**
     * The first field (in api.md's order) in which a re-sent deployment differs from this stored one;
     * changes and components are compared as sets.
     */
    public Optional<String> firstDifference(Deployment other) {
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("application", new Object[] {application, other.application});
        fields.put("environment", new Object[] {environment, other.environment});
        fields.put("started", new Object[] {started, other.started});
        fields.put("finished", new Object[] {finished, other.finished});
        fields.put("result", new Object[] {result, other.result});
        fields.put("kind", new Object[] {kind, other.kind});
        fields.put("revision", new Object[] {revision, other.revision});
        fields.put("changes", new Object[] {Set.copyOf(changes), Set.copyOf(other.changes)});
        fields.put("components", new Object[] {Set.copyOf(components), Set.copyOf(other.components)});
        fields.put("pipeline", new Object[] {pipeline, other.pipeline});
        fields.put("url", new Object[] {url, other.url});
        fields.put("imported", new Object[] {imported, other.imported});
        fields.put("team", new Object[] {team, other.team});
        fields.put("supplier", new Object[] {supplier, other.supplier});
        return fields.entrySet().stream()
                .filter(e -> !Objects.equals(e.getValue()[0], e.getValue()[1]))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** For the many optional fields; validation happens in {@link #build()}. */
    public static final class Builder {
        private final String id;
        private String application;
        private String environment;
        private Instant started;
        private Instant finished;
        private DeploymentResult result;
        private DeploymentKind kind = DeploymentKind.NORMAL;
        private String revision;
        private List<Change> changes = List.of();
        private List<Component> components = List.of();
        private String pipeline;
        private String url;
        private boolean imported;
        private String team;
        private String supplier;

        private Builder(String id) {
            this.id = id;
        }

        public Builder application(String value) {
            application = value;
            return this;
        }

        public Builder environment(String value) {
            environment = value;
            return this;
        }

        public Builder started(Instant value) {
            started = value;
            return this;
        }

        public Builder finished(Instant value) {
            finished = value;
            return this;
        }

        public Builder result(DeploymentResult value) {
            result = value;
            return this;
        }

        public Builder kind(DeploymentKind value) {
            kind = value;
            return this;
        }

        public Builder revision(String value) {
            revision = value;
            return this;
        }

        public Builder changes(List<Change> value) {
            changes = value;
            return this;
        }

        public Builder components(List<Component> value) {
            components = value;
            return this;
        }

        public Builder pipeline(String value) {
            pipeline = value;
            return this;
        }

        public Builder url(String value) {
            url = value;
            return this;
        }

        public Builder imported(boolean value) {
            imported = value;
            return this;
        }

        public Builder team(String value) {
            team = value;
            return this;
        }

        public Builder supplier(String value) {
            supplier = value;
            return this;
        }

        public Deployment build() {
            return new Deployment(id, application, environment, started, finished, result, kind, revision, changes,
                    components, pipeline, url, imported, team, supplier);
        }
    }
}
