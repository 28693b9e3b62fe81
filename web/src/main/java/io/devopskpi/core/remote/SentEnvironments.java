package io.devopskpi.core.remote;

import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.outbox.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The environments of the deployments and incidents this controller delivered to the central server, for the step
 * forms' suggestions (the server's read API lists no environments). One name a line in one file, written whole or
 * not at all, read back at start; it only grows.
 */
final class SentEnvironments {
    private final Path file;
    private final SortedSet<String> names = new TreeSet<>();

    SentEnvironments(Path directory) throws IOException {
        this.file = Files.createDirectories(directory).resolve("sent.txt");
        if (Files.exists(file)) {
            Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank())
                    .forEach(names::add);
        }
    }

    /** Keeps the event's environment (deployments and incidents name one) once the server took the event. */
    synchronized void sent(Event event) throws IOException {
        String environment = event instanceof Deployment deployment ? deployment.environment()
                : event instanceof Incident incident ? incident.environment() : null;
        if (environment == null || environment.contains("\n") || !names.add(environment)) {
            return;
        }
        byte[] bytes = (String.join("\n", names) + "\n").getBytes(StandardCharsets.UTF_8);
        Path temporary = DurableFiles.forcedTemporary(file.getParent(), ".tmp", bytes);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The environments sent so far, sorted. */
    synchronized List<String> all() {
        return List.copyOf(names);
    }
}
