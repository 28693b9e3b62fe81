package io.jenkins.plugins.devopskpi.history;

import io.devopskpi.core.embedded.EmbeddedKpis;
import io.devopskpi.core.ingest.Ingestor;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.Event;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin's store as the history import's target: asked and written directly on the import's thread (not
 * through the outbox, which holds one file per event for builds that must never wait), a batch in one transaction.
 */
public final class StoreTarget implements HistoryImport.Target {
    private final EmbeddedKpis kpis;
    private final Clock clock;

    public StoreTarget(EmbeddedKpis kpis, Clock clock) {
        this.kpis = kpis;
        this.clock = clock;
    }

    @Override
    public boolean holds(String id) {
        return kpis.events().findDeployment(id).isPresent();
    }

    @Override
    public void store(List<Deployment> batch) {
        new Ingestor(kpis.store(), clock).ingest(new ArrayList<Event>(batch));
    }
}
