package io.jenkins.plugins.devopskpi.ui;

import io.devopskpi.core.embedded.EmbeddedKpis;
import java.util.concurrent.Callable;

/**
 * Whether the store holds no event yet, asked within the read patience; once it holds one (events are never
 * removed) the answer is kept and the store is not asked again. A store that cannot answer is not "empty": the
 * dashboard then shows its own errors.
 */
final class FirstRun {
    private volatile boolean hasEvents;

    boolean storeIsEmpty(Callable<EmbeddedKpis> backend) {
        if (hasEvents) {
            return false;
        }
        try {
            EmbeddedKpis kpis = backend.call();
            long events = kpis.read(() -> kpis.events().countEvents());
            hasEvents = events > 0;
            return events == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
