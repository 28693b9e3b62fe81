package io.devopskpi.core.ingest;

import io.devopskpi.core.model.Change;
import io.devopskpi.core.model.Component;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.store.EventTransaction;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A deployment is immutable once stored: a re-send with the same content is a duplicate, any other a conflict. */
final class DeploymentRule {
    private DeploymentRule() {
    }

    static Outcome apply(EventTransaction tx, int index, Deployment received) throws SQLException {
        Optional<Deployment> stored = tx.findDeployment(received.id());
        if (stored.isEmpty()) {
            tx.insert(List.of(received));
            return Outcome.ACCEPTED;
        }
        Deployment sent = asErased(received, tx.erasedAuthors(received.id()));
        Optional<String> field = stored.get().firstDifference(sent);
        if (field.isPresent()) {
            throw new EventConflictException(index, sent.describe() + " was already stored with "
                    + difference(field.get(), stored.get(), sent));
        }
        return Outcome.DUPLICATE;
    }

    /**
     * The re-sent deployment with the stored author on each change whose author was erased (pseudonymised or
     * dropped): the store no longer holds the original to compare with, and the re-send must not restore it.
     */
    private static Deployment asErased(Deployment sent, Map<String, String> erased) {
        if (erased.isEmpty()) {
            return sent;
        }
        return sent.withChanges(sent.changes().stream().map(c -> erased.containsKey(c.id())
                ? new Change(c.id(), c.committed(), erased.get(c.id())) : c).toList());
    }

    private static String difference(String field, Deployment stored, Deployment sent) {
        return switch (field) {
            case "changes" -> "different changes: " + setDifference(stored.changes(), sent.changes(),
                    DeploymentRule::describe);
            case "components" -> "different components: " + setDifference(stored.components(), sent.components(),
                    c -> c.name() + " " + c.version());
            default -> "a different " + field + ": stored " + Values.show(value(stored, field))
                    + ", sent " + Values.show(value(sent, field));
        };
    }

    /** Only the elements on one side, so the message stays short for deployments with many changes. */
    private static <T> String setDifference(List<T> stored, List<T> sent, Function<T, String> describe) {
        Set<T> sentSet = new HashSet<>(sent);
        Set<T> storedSet = new HashSet<>(stored);
        return "stored only " + stored.stream().filter(e -> !sentSet.contains(e)).map(describe)
                .collect(Collectors.joining(", ", "[", "]"))
                + ", sent only " + sent.stream().filter(e -> !storedSet.contains(e)).map(describe)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String describe(Change change) {
        return change.id() + " (" + change.committed() + (change.author() == null ? "" : ", " + change.author())
                + ")";
    }

    private static Object value(Deployment d, String field) {
        return switch (field) {
            case "application" -> d.application();
            case "environment" -> d.environment();
            case "started" -> d.started();
            case "finished" -> d.finished();
            case "result" -> d.result();
            case "kind" -> d.kind();
            case "revision" -> d.revision();
            case "pipeline" -> d.pipeline();
            case "url" -> d.url();
            case "imported" -> d.imported();
            case "team" -> d.team();
            case "supplier" -> d.supplier();
            default -> throw new IllegalArgumentException("not a deployment field: " + field);
        };
    }
}
