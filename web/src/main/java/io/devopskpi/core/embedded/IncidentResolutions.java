package io.devopskpi.core.embedded;

import io.devopskpi.core.model.Incident;
import io.devopskpi.core.outbox.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolutions of incidents that could not be stored at once because the store (or the central server) did not
 * answer: an incident event needs the stored incident's application, environment and start, which only the store
 * knows. One small file per incident id ({@code id}, a line break, the resolved instant), written durably; the
 * outbox's thread turns each into an incident event once the store answers, or sets it aside in {@code rejected/}
 * when no such incident is stored.
 */
public final class IncidentResolutions {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentResolutions.class);
    private static final String SUFFIX = ".resolution";

    private final Path directory;

    public IncidentResolutions(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    /** Keeps the resolution on disk; a later one for the same id replaces it. */
    public void put(String id, Instant resolved) throws IOException {
        String name = HexFormat.of().formatHex(id.getBytes(StandardCharsets.UTF_8)) + SUFFIX;
        Path temporary = DurableFiles.forcedTemporary(directory, ".tmp",
                (id + "\n" + resolved).getBytes(StandardCharsets.UTF_8));
        Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        DurableFiles.forceDirectory(directory);
    }

    /**
     * Each waiting resolution as an incident event for {@code submit}; {@code stored} finds the stored incident by
     * id (the store or the server must answer: its exception propagates, and what waits stays).
     *
     * @return how many were submitted
     */
    public int apply(Function<String, Optional<Incident>> stored, IncidentSink submit) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        int submitted = 0;
        for (Path file : files) {
            String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", 2);
            Optional<Incident> incident = stored.apply(lines[0]);
            if (incident.isEmpty()) {
                Path rejected = Files.createDirectories(directory.resolve("rejected"));
                Files.move(file, rejected.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                LOG.warn("devops-kpi: cannot resolve incident '{}': no such incident is stored; set aside in {}",
                        lines[0], rejected);
                continue;
            }
            submit.accept(resolution(incident.get(), Instant.parse(lines[1].trim())));
            Files.delete(file);
            submitted++;
        }
        return submitted;
    }

    /** The event that ends a stored incident's impact. */
    public static Incident resolution(Incident stored, Instant resolved) {
        return new Incident(stored.id(), stored.application(), stored.environment(), stored.started(), null,
                resolved, null, null, null, null);
    }

    /** Where an incident event goes (the outbox). */
    @FunctionalInterface
    public interface IncidentSink {
        void accept(Incident incident) throws IOException;
    }
}
