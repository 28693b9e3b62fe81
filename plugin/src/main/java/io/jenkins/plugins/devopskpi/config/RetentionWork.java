package io.jenkins.plugins.devopskpi.config;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import io.devopskpi.core.store.Retention;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreException;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The retention setting applied: a minute after Jenkins starts and then daily, deletes the events older than the
 * configured period (core's {@link Retention}, as the server's {@code --retain}). Jenkins runs it on its own
 * thread, never on a request thread; its output goes to Jenkins' task log {@code logs/tasks/<name>.log}. No
 * setting: nothing is deleted and the store is not even opened. A store that cannot be reached now is tried again
 * the next day.
 */
@Extension
public class RetentionWork extends AsyncPeriodicWork {
    static final long INITIAL_DELAY_MILLIS = TimeUnit.MINUTES.toMillis(1);

    public RetentionWork() {
        super("DevOps KPI retention");
    }

    @Override
    public long getRecurrencePeriod() {
        return TimeUnit.DAYS.toMillis(1);
    }

    /** Soon after start (the default is a random delay of up to a day). */
    @Override
    public long getInitialDelay() {
        return INITIAL_DELAY_MILLIS;
    }

    @Override
    protected void execute(TaskListener listener) throws IOException, InterruptedException {
        KpiConfiguration configuration = KpiConfiguration.get();
        Retention retention = configuration.retention();
        if (retention == null) {
            listener.getLogger().println(apply(null, null, Clock.systemUTC()));
            return;
        }
        if (configuration.centralServer() != null) {
            listener.getLogger().println("retention " + retention + ": not applied here, this controller keeps no "
                    + "store; the central server " + configuration.centralServer() + " applies its own --retain");
            return;
        }
        try {
            listener.getLogger().println(apply(retention, configuration.backend().store(), Clock.systemUTC()));
        } catch (StoreException e) {
            listener.getLogger().println("retention " + retention + ": the store is not usable now, trying again "
                    + "tomorrow: " + e.getMessage());
        }
    }

    /** One run: what it deleted, or that it keeps everything when {@code retention} is null. */
    static String apply(Retention retention, Store store, Clock clock) {
        if (retention == null) {
            return "no retention period set: every event is kept";
        }
        Retention.Purged purged = retention.purge(store, clock.instant());
        return "retention " + retention + ": deleted " + purged.deployments() + " deployments finished before "
                + purged.cutoff() + " (with " + purged.changes() + " changes and " + purged.components()
                + " components) and " + purged.incidents() + " incidents resolved before it";
    }
}
