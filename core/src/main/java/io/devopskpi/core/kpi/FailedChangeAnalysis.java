package io.devopskpi.core.kpi;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which change attempts of a window are failed changes (metrics.md rules 1–4) and measures each one's
 * failure start and restore. Works over all deployments of the window (any scope), because a restore time may
 * belong to a team or supplier other than the one that delivered the change.
 */
final class FailedChangeAnalysis {
    private final KpiRepository repository;
    private final Duration horizon;

    FailedChangeAnalysis(KpiRepository repository, Duration horizon) {
        this.repository = repository;
        this.horizon = horizon;
    }

    /** The failed changes among the window's deployments (all finished in [from, to), in order). */
    List<FailedChange> failedChanges(List<DeploymentRecord> window, Instant from, Instant to) throws SQLException {
        Map<String, List<DeploymentRecord>> attemptsByApp = new LinkedHashMap<>();
        Map<String, List<DeploymentRecord>> successesByApp = new HashMap<>();
        for (DeploymentRecord d : window) {
            if (d.isAttempt()) {
                attemptsByApp.computeIfAbsent(d.application(), a -> new ArrayList<>()).add(d);
            }
            if (d.isSuccess()) {
                successesByApp.computeIfAbsent(d.application(), a -> new ArrayList<>()).add(d);
            }
        }
        if (attemptsByApp.isEmpty()) {
            return List.of();
        }
        // Only applications with attempts or successes in the window need to know what follows it.
        java.util.Set<String> applications = new java.util.HashSet<>(attemptsByApp.keySet());
        applications.addAll(successesByApp.keySet());
        Map<String, KpiRepository.Firsts> after = repository.firstsAtOrAfter(applications, to);
        Map<String, DeploymentRecord> nextAttemptAfterWindow = new HashMap<>();
        for (String app : attemptsByApp.keySet()) {
            nextAttemptAfterWindow.put(app, after.get(app).attempt());
        }
        Map<String, DeploymentRecord> nextSuccessAfterWindow = new HashMap<>();
        for (String app : successesByApp.keySet()) {
            nextSuccessAfterWindow.put(app, after.get(app).success());
        }

        Map<String, List<IncidentRecord>> linking = new HashMap<>();
        java.util.Set<String> causedBy = new java.util.HashSet<>();
        java.util.Set<String> linkedByTime = new java.util.HashSet<>();
        List<String> attemptIds = attemptsByApp.values().stream().flatMap(List::stream).map(DeploymentRecord::id)
                .toList();
        for (IncidentRecord incident : repository.incidentsCausedBy(attemptIds, from, to)) {
            linking.computeIfAbsent(incident.cause(), c -> new ArrayList<>()).add(incident);
            causedBy.add(incident.cause());
        }
        for (IncidentRecord incident : repository.incidentsWithoutUsableCauseStartedIn(from, to.plus(horizon))) {
            DeploymentRecord linked = latestSuccessAt(incident.started(),
                    successesByApp.getOrDefault(incident.application(), List.of()),
                    nextSuccessAfterWindow.get(incident.application()));
            if (linked != null && incident.started().isBefore(linked.finished().plus(horizon))) {
                linking.computeIfAbsent(linked.id(), c -> new ArrayList<>()).add(incident);
                linkedByTime.add(linked.id());
            }
        }

        List<FailedChange> failed = new ArrayList<>();
        for (List<DeploymentRecord> attempts : attemptsByApp.values()) {
            for (int k = 0; k < attempts.size(); k++) {
                DeploymentRecord d = attempts.get(k);
                DeploymentRecord next = k + 1 < attempts.size() ? attempts.get(k + 1)
                        : nextAttemptAfterWindow.get(d.application());
                List<FailureReason> reasons = new ArrayList<>();
                if (!d.isSuccess()) {
                    reasons.add(FailureReason.FAILED_RESULT);
                }
                if (causedBy.contains(d.id())) {
                    reasons.add(FailureReason.NAMED_AS_CAUSE);
                }
                if (linkedByTime.contains(d.id())) {
                    reasons.add(FailureReason.INCIDENT_WITHIN_HORIZON);
                }
                if (next != null && next.kind().isRemediation()) {
                    reasons.add(FailureReason.FOLLOWED_BY_REMEDIATION);
                }
                if (!reasons.isEmpty()) {
                    failed.add(measure(d, linking.getOrDefault(d.id(), List.of()),
                            successesByApp.getOrDefault(d.application(), List.of()), to,
                            after.get(d.application()).success(), reasons));
                }
            }
        }
        return failed;
    }

    /**
     * The latest SUCCESS deployment with finished ≤ t, if it is one of the window's; null when it lies before the
     * window or when a SUCCESS deployment after the window finished at or before t.
     */
    private static DeploymentRecord latestSuccessAt(Instant t, List<DeploymentRecord> successes,
            DeploymentRecord firstSuccessAfterWindow) {
        if (firstSuccessAfterWindow != null && !firstSuccessAfterWindow.finished().isAfter(t)) {
            return null;
        }
        DeploymentRecord latest = null;
        for (DeploymentRecord d : successes) {
            if (d.finished().isAfter(t)) {
                break;
            }
            latest = d;
        }
        return latest;
    }

    private FailedChange measure(DeploymentRecord d, List<IncidentRecord> linkingIncidents,
            List<DeploymentRecord> successes, Instant to, DeploymentRecord firstSuccessAfterWindow,
            List<FailureReason> reasons) throws SQLException {
        IncidentRecord earliest = linkingIncidents.stream().min(IncidentRecord.EARLIEST).orElse(null);
        Instant failureStart = earliest != null ? earliest.started() : d.finished();
        Instant restored = restoringDeployment(d, failureStart, successes, to, firstSuccessAfterWindow);
        if (earliest != null && earliest.resolved() != null
                && (restored == null || earliest.resolved().isBefore(restored))) {
            restored = earliest.resolved();
        }
        // metrics.md: the restore time belongs with the failed change, to the delivery side of the failed
        // deployment, whoever restored it.
        return new FailedChange(d, failureStart, restored, d.application(), List.copyOf(reasons),
                earliest == null ? null : earliest.id());
    }

    /**
     * The finished time of the first SUCCESS deployment after d (in order) that finished after the failure
     * start: from the window's own deployments, else looked up after the window in all stored data.
     */
    private Instant restoringDeployment(DeploymentRecord d, Instant failureStart, List<DeploymentRecord> successes,
            Instant to, DeploymentRecord firstSuccessAfterWindow) throws SQLException {
        // the successes after d in order are a suffix of the list: found by bisection, not by a walk from the start
        for (int i = firstAfter(successes, d); i < successes.size(); i++) {
            if (successes.get(i).finished().isAfter(failureStart)) {
                return successes.get(i).finished();
            }
        }
        // Every deployment that finished at or after the window's end comes after d in order.
        DeploymentRecord later = failureStart.isBefore(to) ? firstSuccessAfterWindow
                : repository.firstSuccessFinishedAfter(d.application(), failureStart);
        return later == null ? null : later.finished();
    }

    /** The index of the first deployment of the ordered list that comes after d (the list's size if none). */
    private static int firstAfter(List<DeploymentRecord> ordered, DeploymentRecord d) {
        int low = 0;
        int high = ordered.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ordered.get(middle).isAfter(d)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    static final Comparator<FailedChange> OPEN_ORDER = Comparator.comparing(FailedChange::failureStart)
            .thenComparing(f -> f.deployment().id());
}
