package io.devopskpi.core.outbox;

import io.devopskpi.core.ingest.EventConflictException;
import io.devopskpi.core.ingest.InvalidEventsException;
import io.devopskpi.core.json.EventJson;
import io.devopskpi.core.json.EventJsonWriter;
import io.devopskpi.core.model.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox of an embedding CI (the Jenkins plugin): events waiting for the store, one file per event in a
 * directory: written to a temporary file, forced to disk and linked into place under a name no other file has,
 * so a crash leaves either the whole event or nothing, and two outboxes over one folder never overwrite each
 * other's events. Replayed oldest first; a file is deleted only after the sink accepted its event (storing is
 * idempotent, so a crash between the two repeats harmlessly). Events the store refuses for good go to
 * {@code rejected/} instead of blocking the rest. Putting never waits for a replay in progress: a build that
 * queues an event must not wait for a backlog being stored.
 */
public final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final String SUFFIX = ".json";
    private static final String TEMPORARY = ".tmp";
    private static final String REJECTED = "rejected";

    private final Path directory;
    private final Object putLock = new Object();
    private final Object replayLock = new Object();
    private long next;

    /** Opens (creating) the directory and removes half-written files a crash left behind. */
    public Outbox(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().endsWith(TEMPORARY)) {
                    Files.deleteIfExists(file);
                }
            }
        }
        next = nextAfter(pending());
    }

    /**
     * Puts the event on disk; when this returns, the event survives a crash. @return the name of its file, for
     * {@link #isPending} and {@link #isRejected}
     */
    public String put(Event event) throws IOException {
        byte[] bytes = EventJsonWriter.toJson(event).toString().getBytes(StandardCharsets.UTF_8);
        synchronized (putLock) {
            Path temporary = DurableFiles.forcedTemporary(directory, SUFFIX + TEMPORARY, bytes);
            try {
                while (true) {
                    String name = String.format("%020d", next++) + SUFFIX;
                    try {
                        Files.createLink(directory.resolve(name), temporary); // fails rather than replace a file
                        DurableFiles.forceDirectory(directory);
                        return name;
                    } catch (FileAlreadyExistsException e) {
                        next = Math.max(next, nextAfter(pending())); // another outbox over this folder took it
                    }
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }

    public Path directory() {
        return directory;
    }

    /** Whether the event put under this name still waits for the store. */
    public boolean isPending(String name) {
        return Files.exists(directory.resolve(name));
    }

    /** Whether the store refused the event put under this name for good. */
    public boolean isRejected(String name) {
        return Files.exists(directory.resolve(REJECTED).resolve(name));
    }

    /** The files waiting, oldest first. */
    public List<Path> pending() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    /**
     * Hands each waiting event, oldest first, to the sink and deletes its file once the sink returned. Stops at
     * the first event the sink cannot take now (its exception propagates; that event and the rest stay queued).
     * One replay at a time; {@link #put} goes on meanwhile.
     *
     * @return how many events the sink took
     */
    public int replay(EventSink sink) throws IOException {
        synchronized (replayLock) {
            int stored = 0;
            for (Path file : pending()) {
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (NoSuchFileException e) {
                    continue; // another outbox over this folder stored it
                }
                try {
                    for (Event event : EventJson.parse(text)) {
                        sink.accept(event);
                    }
                } catch (InvalidEventsException | EventConflictException e) {
                    reject(file, e.getMessage());
                    continue;
                }
                Files.deleteIfExists(file);
                stored++;
            }
            return stored;
        }
    }

    private void reject(Path file, String reason) throws IOException {
        Path rejected = Files.createDirectories(directory.resolve(REJECTED));
        Files.move(file, rejected.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        LOG.warn("devops-kpi: the store refused queued event {} for good, moved it to {}: {}", file.getFileName(),
                rejected, reason);
    }

    private static long nextAfter(List<Path> pending) {
        return pending.isEmpty() ? 1 : sequence(pending.get(pending.size() - 1)) + 1;
    }

    private static long sequence(Path file) {
        String name = file.getFileName().toString();
        try {
            return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
