package io.jenkins.plugins.devopskpi.queue;

import io.devopskpi.core.ingest.EventConflictException;
import io.devopskpi.core.ingest.InvalidEventsException;
import io.devopskpi.core.json.EventJson;
import io.devopskpi.core.json.EventJsonWriter;
import io.devopskpi.core.model.Event;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Events waiting for the store, one file per event in a directory: written to a temporary file, forced to disk and
 * moved into place atomically, so a crash leaves either the whole event or nothing. Replayed oldest first; a file
 * is deleted only after the store accepted its event (storing is idempotent, so a crash between the two repeats
 * harmlessly). Events the store refuses for good go to {@code rejected/} instead of blocking the rest.
 */
public final class EventQueue {
    private static final Logger LOG = Logger.getLogger(EventQueue.class.getName());
    private static final String SUFFIX = ".json";
    private static final String TEMPORARY = ".tmp";

    private final Path directory;
    private long next;

    /** Opens (creating) the directory and removes half-written files a crash left behind. */
    public EventQueue(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().endsWith(TEMPORARY)) {
                    Files.deleteIfExists(file);
                }
            }
        }
        List<Path> pending = pending();
        next = pending.isEmpty() ? 1 : sequence(pending.get(pending.size() - 1)) + 1;
    }

    /** Puts the event on disk; when this returns, the event survives a crash. */
    public synchronized void put(Event event) throws IOException {
        String name = String.format("%020d", next++) + SUFFIX;
        Path temporary = directory.resolve(name + TEMPORARY);
        byte[] bytes = EventJsonWriter.toJson(event).toString().getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes));
            channel.force(true);
        }
        Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot force the directory entry of " + name + " to disk", e);
        }
    }

    /** The files waiting, oldest first. */
    public List<Path> pending() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    /**
     * Hands each waiting event, oldest first, to the store and deletes its file once the store returned. Stops at
     * the first event the store cannot take now (its exception propagates; that event and the rest stay queued).
     *
     * @return how many events the store took
     */
    public synchronized int replay(Consumer<Event> store) throws IOException {
        int stored = 0;
        for (Path file : pending()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            try {
                for (Event event : EventJson.parse(text)) {
                    store.accept(event);
                }
            } catch (InvalidEventsException | EventConflictException e) {
                reject(file, e.getMessage());
                continue;
            }
            Files.delete(file);
            stored++;
        }
        return stored;
    }

    private void reject(Path file, String reason) throws IOException {
        Path rejected = Files.createDirectories(directory.resolve("rejected"));
        Files.move(file, rejected.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        LOG.warning("devops-kpi: the store refused queued event " + file.getFileName() + " for good, moved it to "
                + rejected + ": " + reason);
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
