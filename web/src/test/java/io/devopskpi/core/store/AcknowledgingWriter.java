package io.devopskpi.core.store;

import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.outbox.OutboxTest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The child JVM of {@link EmbeddedDurabilityTest}: stores deployments one at a time in the embedded store of a
 * folder and prints each id once the ingest returned, until it is killed.
 * Arguments: the data folder, the prefix of the ids.
 */
public final class AcknowledgingWriter {
    private AcknowledgingWriter() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        String prefix = args[1];
        Store store = Store.open(StoreConfig.embedded(dataDir));
        Ingestor ingestor = new Ingestor(store, Clock.systemUTC());
        System.out.println("open");
        System.out.flush();
        for (int n = 1; ; n++) {
            String id = prefix + n;
            ingestor.ingest(List.of(OutboxTest.deployment(id)));
            System.out.println(id);
            System.out.flush();
        }
    }
}
