package io.devopskpi.core.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Who may read a read-API answer about one application, in a CI that keeps permissions per pipeline (Jenkins:
 * Item/Read on a job). An application's figures reveal the outcomes of every pipeline that deployed it, so the
 * reader must be allowed to read each of them; answers about no single application need only the CI's general
 * read permission, which the caller checks first.
 */
public final class ApplicationAccess {
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

    /** Whether the reader may read the answer to this query (its {@code application} parameter decides). */
    public boolean mayRead(Map<String, List<String>> query) {
        for (String application : query.getOrDefault("application", List.of())) {
            if (application == null || application.isBlank()) {
                continue; // the API refuses it with 400 and reveals nothing
            }
            if (!pipelinesOf.apply(application.trim()).stream().allMatch(mayReadPipeline)) {
                return false;
            }
        }
        return true;
    }
}
