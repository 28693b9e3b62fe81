package io.devopskpi.core.embedded;

import io.devopskpi.core.gate.GatePolicyLookup;
import io.devopskpi.core.gate.GateVerdict;
import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.summary.KpiSummary;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Where a CI's pages and steps read their KPIs: the controller's own store ({@link EmbeddedKpis}) or a central
 * devops-kpi server ({@code io.devopskpi.core.remote.RemoteKpis}). Each read waits at most its {@link Patience} and
 * then says "not available" (a summary without figures, a {@code StoreException}), never 0 or an old figure.
 */
public interface KpiReads {
    /** The headline KPIs of a scope over the last 30 days, as pages show them. */
    KpiSummary summary(String label, Scope scope, String environment);

    /**
     * An application's summary for a reader who may read every pipeline that deployed it, else one that says it is
     * hidden; {@code mayReadPipeline} is asked on the caller's thread.
     */
    KpiSummary applicationSummary(String application, String environment, Predicate<String> mayReadPipeline);

    /**
     * The gate judged now, its policy taken from where the KPIs are. When they cannot be read, {@code fallback}'s
     * thresholds lack data and the verdict says why; without a fallback the {@code StoreException} propagates.
     *
     * @throws IllegalArgumentException for a gate that cannot be judged (an unknown policy)
     */
    GateVerdict judge(Function<GatePolicyLookup, KpiGate> gateOf, KpiGate fallback);

    /** The environments deployed to, for a form's suggestions. @throws io.devopskpi.core.store.StoreException */
    List<String> knownEnvironments();

    /** The gate policies' names, for a form's suggestions. @throws io.devopskpi.core.store.StoreException */
    List<String> policyNames();
}
