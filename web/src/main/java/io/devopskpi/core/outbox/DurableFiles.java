package io.devopskpi.core.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two halves of a file that is either whole or absent after a crash: its bytes written to a temporary file
 * and forced to disk, then (after the caller moved or linked it into place) the folder's entry forced too.
 */
public final class DurableFiles {
    private static final Logger LOG = LoggerFactory.getLogger(DurableFiles.class);

    private DurableFiles() {
    }

    /** A new temporary file in {@code directory} holding {@code bytes}, on disk when this returns. */
    public static Path forcedTemporary(Path directory, String suffix, byte[] bytes) throws IOException {
        Path temporary = Files.createTempFile(directory, "put-", suffix);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes));
            channel.force(true);
        }
        return temporary;
    }

    /** Forces the folder's entries (a new name in it) to disk, where the file system allows it. */
    public static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.debug("cannot force the entries of {} to disk", directory, e);
        }
    }
}
