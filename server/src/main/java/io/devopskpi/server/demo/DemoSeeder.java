package io.devopskpi.server.demo;

import io.devopskpi.core.ingest.IngestResult;
import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/** Seeds the demo data set into an empty store, showing progress; a store that holds events is left alone. */
public final class DemoSeeder {
    private static final int BATCH = 500;

    private DemoSeeder() {
    }

    /** @return the number of events stored (0 when the store already held events) */
    public static int seedIfEmpty(Store store, Clock clock, PrintStream out) {
        if (new EventReader(store).countEvents() > 0) {
            out.println("demo: the store already holds events; nothing seeded");
            return 0;
        }
        List<Event> events = DemoData.generate(DemoData.DEFAULT_SEED, clock.instant());
        Ingestor ingestor = new Ingestor(store, clock);
        int stored = 0;
        for (int start = 0; start < events.size(); start += BATCH) {
            IngestResult result = ingestor.ingest(events.subList(start, Math.min(events.size(), start + BATCH)));
            stored += result.accepted();
            out.printf("demo: seeded %d of %d events%n", Math.min(events.size(), start + BATCH), events.size());
        }
        return stored;
    }
}
