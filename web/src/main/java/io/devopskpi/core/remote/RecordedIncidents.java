package io.devopskpi.core.remote;

import io.devopskpi.core.json.EventJson;
import io.devopskpi.core.json.EventJsonWriter;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.outbox.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The open incidents this controller recorded, one file each (named by the SHA-256 of the id, written whole or not
 * at all), so that a later resolution can repeat what the server's update needs (application, environment, start):
 * the server's API lists incidents by window, not by id.
 */
final class RecordedIncidents {
    private final Path directory;

    RecordedIncidents(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    /** Keeps an open incident; a later one of the same id replaces it. */
    void remember(Incident incident) throws IOException {
        byte[] bytes = EventJsonWriter.toJson(incident).toString().getBytes(StandardCharsets.UTF_8);
        Path temporary = DurableFiles.forcedTemporary(directory, ".tmp", bytes);
        Files.move(temporary, file(incident.id()), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** The incident recorded under this id, if this controller recorded one. */
    Optional<Incident> find(String id) throws IOException {
        Path file = file(id);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of((Incident) EventJson.parse(Files.readString(file, StandardCharsets.UTF_8)).get(0));
    }

    private Path file(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(digest) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
