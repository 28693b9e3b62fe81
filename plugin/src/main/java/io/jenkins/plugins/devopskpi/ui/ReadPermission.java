package io.jenkins.plugins.devopskpi.ui;

import io.devopskpi.core.api.ApplicationAccess;
import io.jenkins.plugins.devopskpi.Messages;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Whether a reader may have a read-API answer, decided before the store is asked for it. An application's figures,
 * deployments and incidents reveal the jobs that deployed it, so everything the API answers is either about one
 * application the reader may read (Item/Read on every job that deployed it), the application list cut down to such
 * applications, or, for everything else (aggregates over teams, suppliers or the whole store, and the governance
 * reads, whose rows name applications), only for a reader who may read every application in the store. An
 * endpoint added to the API later falls under that last rule until it is named here.
 */
public final class ReadPermission {
    /** Endpoints whose {@code application=} limits the answer to that application. */
    static final Set<String> APPLICATION_SCOPED = Set.of("kpis", "trends", "components", "deployments",
            "failed-changes", "export.csv", "incidents", "assignments");
    /** The application list, which leaves out what the reader may not read. */
    static final String APPLICATIONS = "applications";

    private final KpiReader reader;
    private final ApplicationAccess access;
    private final Supplier<? extends Collection<String>> allPipelines;

    /**
     * @param pipelinesOf the pipelines (job full names) that deployed an application
     * @param allPipelines every pipeline that deployed anything
     */
    public ReadPermission(KpiReader reader, Function<String, Collection<String>> pipelinesOf,
            Supplier<? extends Collection<String>> allPipelines) {
        this.reader = reader;
        this.access = new ApplicationAccess(pipelinesOf, reader::mayReadJob);
        this.allPipelines = allPipelines;
    }

    /** What the reader may have of {@code endpoint}'s answer to {@code query}. */
    public Decision decide(String endpoint, Map<String, List<String>> query) {
        if (!reader.mayReadOverall()) {
            return Decision.refuse(Messages.RootAction_NeedsOverallRead());
        }
        if (ApplicationAccess.needsApplication(endpoint, query)) {
            return Decision.refuse(Messages.RootAction_RunListNeedsApplication());
        }
        if (APPLICATION_SCOPED.contains(endpoint) && namesApplication(query)) {
            return access.mayRead(query) ? Decision.everything()
                    : Decision.refuse(Messages.RootAction_ApplicationForbidden());
        }
        boolean everything = mayReadEveryApplication();
        if (endpoint.equals(APPLICATIONS)) {
            return everything ? Decision.everything() : Decision.only(access::mayReadApplication);
        }
        return everything ? Decision.everything() : Decision.refuse(Messages.RootAction_NeedsEveryApplication());
    }

    /** Administer, or Item/Read on every job that deployed anything. */
    public boolean mayReadEveryApplication() {
        return reader.isAdministrator() || allPipelines.get().stream().allMatch(reader::mayReadJob);
    }

    private static boolean namesApplication(Map<String, List<String>> query) {
        return query.getOrDefault("application", List.of()).stream().anyMatch(a -> a != null && !a.isBlank());
    }

    /**
     * Either a refusal (403) with the message naming what is missing, never what is hidden; or the applications
     * the answer may show (null: all).
     */
    public record Decision(String refusal, Predicate<String> visibleApplication) {
        static Decision refuse(String message) {
            return new Decision(message, null);
        }

        static Decision everything() {
            return new Decision(null, null);
        }

        static Decision only(Predicate<String> visibleApplication) {
            return new Decision(null, visibleApplication);
        }

        public boolean allowed() {
            return refusal == null;
        }
    }
}
