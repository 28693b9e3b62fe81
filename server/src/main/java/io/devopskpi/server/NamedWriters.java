package io.devopskpi.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named write tokens ({@code --writers-file}): one writer per line, {@code name token}, {@code #} for comments. A
 * write names its writer in the server's log (never the token), and removing a writer's line revokes its token
 * without a restart: the file is read again whenever its modification time or size changes. A file that has become
 * unreadable or malformed accepts no named token until it is fixed (the server's own write token still works).
 */
final class NamedWriters {
    private static final Logger LOG = LoggerFactory.getLogger(NamedWriters.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Path file;
    private volatile Snapshot snapshot;

    /** The writers as read at one moment, with what identified that version of the file. */
    private record Snapshot(FileTime modified, long size, Map<String, TokenHash> writers) {
    }

    /** @throws IllegalArgumentException naming the line that is wrong, or the file that cannot be read */
    NamedWriters(Path file) {
        this.file = file;
        this.snapshot = read(file);
    }

    /** The name of the writer whose token this is, or null; every writer's token is compared, in constant time. */
    String nameOf(String presented) {
        String found = null;
        for (Map.Entry<String, TokenHash> writer : current().writers().entrySet()) {
            if (writer.getValue().matches(presented) && found == null) {
                found = writer.getKey();
            }
        }
        return found;
    }

    private Snapshot current() {
        Snapshot seen = snapshot;
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (!modified.equals(seen.modified()) || size != seen.size()) {
                snapshot = read(file);
                LOG.info("read the writers of {} again: {} writer(s)", file, snapshot.writers().size());
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("the writers file {} cannot be used, so no named write token is accepted: {}", file,
                    e.getMessage());
            snapshot = new Snapshot(null, -1, Map.of());
        }
        return snapshot;
    }

    private static Snapshot read(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Map<String, TokenHash> writers = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+", 2);
                String where = file + " line " + (i + 1);
                if (parts.length < 2 || parts[1].isBlank()) {
                    throw new IllegalArgumentException(where + ": write 'name token'");
                }
                if (!NAME.matcher(parts[0]).matches()) {
                    throw new IllegalArgumentException(where + ": a writer's name is 1 to 64 letters, digits, '.', "
                            + "'_' or '-'");
                }
                if (writers.put(parts[0], TokenHash.of(parts[1].strip())) != null) {
                    throw new IllegalArgumentException(where + ": the writer " + parts[0] + " is named twice");
                }
            }
            return new Snapshot(modified, size, Map.copyOf(writers));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the writers file " + file + ": " + e.getMessage(), e);
        }
    }
}
