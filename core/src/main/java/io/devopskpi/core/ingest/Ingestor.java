package io.devopskpi.core.ingest;

import io.devopskpi.core.model.ApplicationProfile;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.model.GatePolicy;
import io.devopskpi.core.model.Survey;
import io.devopskpi.core.model.Deployment;
import io.devopskpi.core.model.Event;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.Voiding;
import io.devopskpi.core.store.EventTransaction;
import io.devopskpi.core.store.Store;
import io.devopskpi.core.store.StoreException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores events idempotently (api.md, "Events"): a batch is validated whole, then applied in order in one
 * transaction, all or nothing; concurrent writers are serialised by the store's write lock.
 */
public final class Ingestor {
    /** Deployment, change and incident times may lie at most this far after the server's clock. */
    public static final Duration MAX_AHEAD_OF_CLOCK = Duration.ofHours(24);

    private final Store store;
    private final Clock clock;
    private final boolean keepAuthors;

    public Ingestor(Store store, Clock clock) {
        this(store, clock, true);
    }

    /** {@code keepAuthors} false: the authors of changes are removed before anything is compared or stored. */
    public Ingestor(Store store, Clock clock, boolean keepAuthors) {
        this.store = store;
        this.clock = clock;
        this.keepAuthors = keepAuthors;
    }

    /** The rules that need the clock (times too far ahead), one error per offending field, with its index. */
    public List<EventError> validate(List<Event> events) {
        AheadOfClockCheck check = new AheadOfClockCheck(clock.instant(), MAX_AHEAD_OF_CLOCK);
        List<EventError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            errors.addAll(check.check(i, events.get(i)));
        }
        return errors;
    }

    /**
     * Validates the batch, then applies it in order in one transaction.
     *
     * @throws InvalidEventsException when any event is invalid (nothing stored)
     * @throws EventConflictException when an event contradicts what is stored (nothing stored)
     * @throws StoreException when the store fails (nothing stored)
     */
    public IngestResult ingest(List<Event> events) {
        List<Event> batch = keepAuthors ? List.copyOf(events) : events.stream()
                .map(e -> e instanceof Deployment d ? d.withoutAuthors() : e).toList();
        List<EventError> errors = validate(batch);
        if (!errors.isEmpty()) {
            throw new InvalidEventsException(errors);
        }
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        try (EventTransaction tx = EventTransaction.begin(store, clock.instant())) {
            // New deployments (ids neither stored nor earlier in the batch) are stored together, in statement
            // batches, before an event that reads deployments (a re-sent deployment, a void) and before the commit.
            // Other events read no deployment (an incident names its cause by id, without a reference), so they
            // do not split the statement batches: a batch with an incident every twenty deployments made twenty.
            Set<String> known = new HashSet<>(tx.storedDeployments(batch.stream()
                    .filter(Deployment.class::isInstance).map(e -> ((Deployment) e).id()).toList()));
            List<Deployment> fresh = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Event event = batch.get(i);
                if (event instanceof Deployment deployment && known.add(deployment.id())) {
                    fresh.add(deployment);
                    counts.merge(Outcome.ACCEPTED, 1, Integer::sum);
                    continue;
                }
                if (readsDeployments(event)) {
                    store(tx, fresh);
                }
                counts.merge(apply(tx, i, event), 1, Integer::sum);
            }
            store(tx, fresh);
            tx.commit();
        } catch (SQLException e) {
            throw new StoreException("cannot store " + batch.size() + " events: " + e.getMessage(), e);
        }
        return new IngestResult(counts.getOrDefault(Outcome.ACCEPTED, 0), counts.getOrDefault(Outcome.DUPLICATE, 0),
                counts.getOrDefault(Outcome.UPDATED, 0));
    }

    private static boolean readsDeployments(Event event) {
        return event instanceof Deployment || event instanceof Voiding;
    }

    private static void store(EventTransaction tx, List<Deployment> fresh) throws SQLException {
        tx.insert(List.copyOf(fresh));
        fresh.clear();
    }

    private static Outcome apply(EventTransaction tx, int index, Event event) throws SQLException {
        if (event instanceof Deployment deployment) {
            return DeploymentRule.apply(tx, index, deployment);
        }
        if (event instanceof Incident incident) {
            return IncidentRule.apply(tx, index, incident);
        }
        if (event instanceof Assignment assignment) {
            return AssignmentRule.apply(tx, index, assignment);
        }
        if (event instanceof ApplicationProfile profile) {
            return ProfileRule.apply(tx, profile);
        }
        if (event instanceof ContractTarget target) {
            return TargetRule.apply(tx, index, target);
        }
        if (event instanceof Voiding voiding) {
            return VoidRule.apply(tx, index, voiding);
        }
        if (event instanceof Survey survey) {
            return SurveyRule.apply(tx, index, survey);
        }
        return PolicyRule.apply(tx, (GatePolicy) event);
    }
}
