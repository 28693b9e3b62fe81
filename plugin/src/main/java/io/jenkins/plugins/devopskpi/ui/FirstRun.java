package io.jenkins.plugins.devopskpi.ui;

import io.devopskpi.core.embedded.KpiReads;
import java.util.concurrent.Callable;

/**
 * Whether where the plugin reads (its store, or the central server: {@link KpiReads#holdsNoData()}) holds no data
 * yet, asked within the read patience; once it holds some (events are never removed) the answer is kept and it is
 * not asked again. A store or server that cannot answer is not "empty": the dashboard then shows its own errors.
 */
public final class FirstRun {
    private volatile boolean hasEvents;

    public boolean storeIsEmpty(Callable<? extends KpiReads> backend) {
        if (hasEvents) {
            return false;
        }
        try {
            KpiReads kpis = backend.call();
            boolean empty = kpis.read(kpis::holdsNoData);
            hasEvents = !empty;
            return empty;
        } catch (Exception e) {
            return false;
        }
    }
}
