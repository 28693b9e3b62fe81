package io.devopskpi.core.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Who may read a read-API answer, in a CI that keeps permissions per pipeline (Jenkins: Item/Read on a job). An
 * application's figures reveal the outcomes of every pipeline that deployed it, so the reader must be allowed to
 * read each of them: for answers about one application ({@code application=}), for the rows of the application
 * list ({@link #mayReadApplication}), and for lists of single deployments and incidents, which name pipelines and
 * builds and are therefore answered only for one application at a time ({@link #RUN_LISTS}). What else a reader
 * may read is the caller's rule.
 */
public final class ApplicationAccess {
    /**
     * Endpoints whose rows are single deployments, each naming the pipeline that ran it, or incidents, whose cause
     * names a deployment (in a CI, its job and build).
     */
    public static final Set<String> RUN_LISTS = Set.of("deployments", "failed-changes", "export.csv", "incidents");

    private final Function<String, Collection<String>> pipelinesOf;
    private final Predicate<String> mayReadPipeline;

    /**
     * @param pipelinesOf the pipelines that deployed an application (the store knows them)
     * @param mayReadPipeline whether the reader may read a pipeline; a pipeline the CI does not know (another CI's,
     *     or deleted) has nothing left to protect
     */
    public ApplicationAccess(Function<String, Collection<String>> pipelinesOf, Predicate<String> mayReadPipeline) {
        this.pipelinesOf = pipelinesOf;
        this.mayReadPipeline = mayReadPipeline;
    }

    /**
     * Whether the reader may read this endpoint's answer to this query: a list of single deployments only with
     * {@code application=}, and then as {@link #mayRead(Map)} says.
     */
    public boolean mayRead(String endpoint, Map<String, List<String>> query) {
        return !needsApplication(endpoint, query) && mayRead(query);
    }

    /** Whether this is a list of single deployments asked without {@code application=} (refused whoever asks). */
    public static boolean needsApplication(String endpoint, Map<String, List<String>> query) {
        return RUN_LISTS.contains(endpoint) && query.getOrDefault("application", List.of()).stream()
                .noneMatch(application -> application != null && !application.isBlank());
    }

    /** Whether the reader may read every pipeline that deployed this application. */
    public boolean mayReadApplication(String application) {
        return pipelinesOf.apply(application).stream().allMatch(mayReadPipeline);
    }

    /** Whether the reader may read the answer to this query (its {@code application} parameter decides). */
    public boolean mayRead(Map<String, List<String>> query) {
        for (String application : query.getOrDefault("application", List.of())) {
            if (application == null || application.isBlank()) {
                continue; // the API refuses it with 400 and reveals nothing
            }
            if (!mayReadApplication(application.trim())) {
                return false;
            }
        }
        return true;
    }
}
