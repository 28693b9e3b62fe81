package io.devopskpi.core.embedded;

import io.devopskpi.core.api.ApiAnswer;
import io.devopskpi.core.api.ApplicationAccess;
import io.devopskpi.core.gate.GatePolicyLookup;
import io.devopskpi.core.gate.GateVerdict;
import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.query.ApplicationSummary;
import io.devopskpi.core.query.TeamSummary;
import io.devopskpi.core.store.StoreException;
import io.devopskpi.core.summary.HeadlineFigures;
import io.devopskpi.core.summary.KpiSummary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
    default KpiSummary applicationSummary(String application, String environment, Predicate<String> mayReadPipeline) {
        String label = application + " (" + environment + ")";
        List<String> pipelines;
        try {
            pipelines = readForPage(() -> pipelines(application));
        } catch (RuntimeException e) {
            return KpiSummary.unavailable(label, e.getMessage());
        }
        // on the caller's thread: a CI keeps the reader in a thread-local (Jenkins' authentication)
        boolean readable = new ApplicationAccess(name -> pipelines, mayReadPipeline).mayReadApplication(application);
        return readable ? summary(label, Scope.application(application), environment)
                : new KpiSummary(label, null, null, null, null, "hidden: you may not read every pipeline that "
                        + "deployed " + application);
    }

    /**
     * An application's figures over the 30 days ending {@code now}, as numbers, for a reader who may read every
     * pipeline that deployed it (asked on the caller's thread), within {@link Patience#read()}; else none, and why.
     */
    default HeadlineFigures applicationFigures(String application, String environment, Instant now,
            Predicate<String> mayReadPipeline) {
        try {
            List<String> pipelines = read(() -> pipelines(application));
            // on the caller's thread: a CI keeps the reader in a thread-local (Jenkins' authentication)
            if (!new ApplicationAccess(name -> pipelines, mayReadPipeline).mayReadApplication(application)) {
                return HeadlineFigures.without("hidden: you may not read every pipeline that deployed "
                        + application);
            }
            KpiQuery query = KpiQuery.ending(Scope.application(application), environment, now,
                    KpiQuery.DEFAULT_WINDOW, ZoneOffset.UTC);
            return read(() -> figures(query));
        } catch (StoreException e) {
            return HeadlineFigures.without("KPIs are not available: " + e.getMessage());
        }
    }

    /**
     * The headline figures of the query as numbers, whoever asks (the caller decided who may), on the caller's
     * thread. @throws StoreException when the KPIs cannot be read
     */
    HeadlineFigures figures(KpiQuery query);

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

    /**
     * The call's answer within {@link Patience#read()}, for a request thread (the read API's answers and the
     * permission look-ups they need). @throws io.devopskpi.core.store.StoreException when not usable in time
     */
    <T> T read(Callable<T> call);

    /**
     * The read API's answer to {@code GET /api/v1/<endpoint>?<query>} (api.md), on the caller's thread: 200, 400
     * naming the refused parameters, 404; the application list leaves out what {@code visibleApplication} (null:
     * everything) does not take. @throws io.devopskpi.core.store.StoreException when the KPIs cannot be read
     */
    ApiAnswer answer(String endpoint, Map<String, List<String>> query,
            Predicate<String> visibleApplication);

    /**
     * The call's answer within {@link Patience#page()}, for what a page shows beside its summary.
     * @throws io.devopskpi.core.store.StoreException when not usable in time
     */
    <T> T readForPage(Callable<T> call);

    /** The application's supplier and team assignments, on the caller's thread. */
    List<Assignment> assignments(String application);

    /** The pipelines that deployed the application, in any environment, on the caller's thread. */
    List<String> pipelines(String application);

    /** Every pipeline that deployed anything, on the caller's thread. */
    List<String> allPipelines();

    /**
     * Every application of the query's environment and window, as the read API's {@code applications} lists them
     * (api.md), sorted by name; on the caller's thread. @throws io.devopskpi.core.store.StoreException
     */
    List<ApplicationSummary> applications(KpiQuery query);

    /**
     * Every team of the query's environment and window with its applications, as the read API's {@code teams}
     * lists them, sorted by name; on the caller's thread.
     * @throws io.devopskpi.core.store.StoreException
     */
    List<TeamSummary> teams(KpiQuery query);

    /**
     * Whether nothing has been recorded yet (a first run: pages explain how to get data instead of showing empty
     * charts); on the caller's thread. @throws io.devopskpi.core.store.StoreException when it cannot be told
     */
    boolean holdsNoData();
}
