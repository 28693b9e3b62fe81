package io.devopskpi.core.governance;

import io.devopskpi.core.kpi.KpiFigures;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.ContractTarget;
import io.devopskpi.core.store.EventReader;
import io.devopskpi.core.store.Store;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The contract targets in force and their verdicts. A window is judged against the targets in force at its
 * START: a target renegotiated while a period runs applies from the next period on, so a period that had begun
 * is never judged by rules made up later.
 */
public final class ContractTargets {
    private final EventReader events;
    private final KpiService kpis;

    public ContractTargets(Store store, KpiService kpis) {
        this.events = new EventReader(store);
        this.kpis = kpis;
    }

    /** The supplier's targets in force at the instant, by applications then metric. */
    public List<ContractTarget> inForceAt(String supplier, java.time.Instant t) {
        return events.targets(supplier).stream().filter(target -> target.inForceAt(t)).toList();
    }

    /** The targets in force at the window's start, each judged on the supplier's KPIs over the whole window. */
    public List<TargetVerdict> verdicts(String supplier, KpiQuery window) {
        List<TargetVerdict> verdicts = new ArrayList<>();
        KpiQuery query = window.withScope(Scope.supplier(supplier));
        for (ContractTarget target : inForceAt(supplier, window.from())) {
            verdicts.add(judge(target, figures(query, target)));
        }
        return verdicts;
    }

    /**
     * The supplier's KPIs among the target's applications (all of the supplier's when it names none), counting the
     * incidents of the target's minimum severity when it names one (the stricter of it and the query's).
     */
    KpiFigures figures(KpiQuery supplierQuery, ContractTarget target) {
        return kpis.figures(supplierQuery.withMinSeverity(target.minSeverityWithin(supplierQuery.minSeverity())),
                target.applications().isEmpty() ? null : new HashSet<>(target.applications()));
    }

    static TargetVerdict judge(ContractTarget target, KpiFigures figures) {
        MetricValue actual = MetricValue.of(target.metric(), figures);
        return new TargetVerdict(target, actual, actual.against(target));
    }
}
