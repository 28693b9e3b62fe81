package io.jenkins.plugins.devopskpi.ui;

import io.devopskpi.core.embedded.KpiReads;
import io.devopskpi.core.kpi.KpiQuery;
import io.devopskpi.core.kpi.Scope;
import io.devopskpi.core.query.ApplicationSummary;
import io.devopskpi.core.query.TeamSummary;
import io.devopskpi.core.store.StoreException;
import io.jenkins.plugins.devopskpi.Messages;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * {@code /devops-kpi/api/json}: the root page's lists of the last 30 days in production, as the read API's
 * {@code applications} and {@code teams} answer them and for the same readers ({@link ReadPermission}): the
 * applications whose every deploying job the reader may read, and the teams only for a reader of every application.
 * Read once, when Stapler first asks, within the read patience, from where the plugin reads ({@link KpiReads}: its
 * own store, or the central server's {@code applications} and {@code teams} with the read token).
 */
@ExportedBean
public final class KpiLists {
    private final KpiRoutes.Backend backend;
    private final KpiReader reader;
    private final Clock clock;
    private Read read;

    /**
     * @param backend where the plugin reads: its own store or the central server ({@code KpiConfiguration.reads()})
     * @param clock the end of the lists' window
     */
    public KpiLists(KpiRoutes.Backend backend, KpiReader reader, Clock clock) {
        this.backend = backend;
        this.reader = reader;
        this.clock = clock;
    }

    private record Read(List<ApplicationEntry> applications, List<TeamEntry> teams, String teamsRefused,
            String error) {
    }

    private synchronized Read read() {
        if (read == null) {
            read = load();
        }
        return read;
    }

    private Read load() {
        if (!reader.mayReadOverall()) {
            return new Read(List.of(), null, null, Messages.RootAction_NeedsOverallRead());
        }
        KpiReads kpis;
        try {
            kpis = backend.get();
        } catch (IOException e) {
            return new Read(List.of(), null, null, "the store is not usable right now, try again later");
        }
        try {
            return kpis.read(() -> {
                ReadPermission permission = new ReadPermission(reader, kpis::pipelines, kpis::allPipelines);
                KpiQuery query = KpiQuery.ending(Scope.all(), KpiQuery.DEFAULT_ENVIRONMENT, clock.instant(),
                        KpiQuery.DEFAULT_WINDOW, ZoneOffset.UTC);
                ReadPermission.Decision applications = permission.decide(ReadPermission.APPLICATIONS, Map.of());
                Predicate<String> visible = applications.visibleApplication() == null ? name -> true
                        : applications.visibleApplication();
                List<ApplicationEntry> shown = kpis.applications(query).stream()
                        .filter(a -> visible.test(a.application())).map(ApplicationEntry::new).toList();
                ReadPermission.Decision teams = permission.decide("teams", Map.of());
                if (!teams.allowed()) {
                    return new Read(shown, null, teams.refusal(), null);
                }
                return new Read(shown, kpis.teams(query).stream().map(TeamEntry::new).toList(), null, null);
            });
        } catch (StoreException e) {
            return new Read(List.of(), null, null, "KPIs are not available: " + e.getMessage());
        }
    }

    /** Why the lists are empty (no Overall/Read, store unusable); null when they are read. */
    @Exported
    public String getError() {
        return read().error();
    }

    /** The environment and window of the lists. */
    @Exported
    public String getEnvironment() {
        return KpiQuery.DEFAULT_ENVIRONMENT;
    }

    @Exported
    public String getWindow() {
        return KpiQuery.DEFAULT_WINDOW.toString();
    }

    /** The applications the reader may read, by name. */
    @Exported(inline = true)
    public List<ApplicationEntry> getApplications() {
        return read().applications();
    }

    /** The teams and their applications; null for a reader who may not read every application. */
    @Exported(inline = true)
    public List<TeamEntry> getTeams() {
        return read().teams();
    }

    /** Why {@code teams} is null for this reader (the read API's refusal); null otherwise. */
    @Exported
    public String getTeamsRefused() {
        return read().teamsRefused();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One application of the list. */
    @ExportedBean(defaultVisibility = 2)
    public static final class ApplicationEntry {
        private final ApplicationSummary summary;

        ApplicationEntry(ApplicationSummary summary) {
            this.summary = summary;
        }

        @Exported
        public String getName() {
            return summary.application();
        }

        /** Successful deployments in the window. */
        @Exported
        public int getDeployments() {
            return summary.deployments();
        }

        /** Its latest successful deployment (ISO-8601), also before the window; null when none. */
        @Exported
        public String getLastDeployment() {
            return summary.lastDeployment() == null ? null : summary.lastDeployment().toString();
        }

        /** The delivering team ("unassigned" when none). */
        @Exported
        public String getTeam() {
            return summary.delivery().team();
        }

        @Exported
        public String getSupplier() {
            return summary.delivery().supplier();
        }

        /** Its dashboard page, below Jenkins' root. */
        @Exported
        public String getUrl() {
            return "devops-kpi/applications/" + encode(summary.application());
        }
    }

    /** One team of the list. */
    @ExportedBean(defaultVisibility = 2)
    public static final class TeamEntry {
        private final TeamSummary summary;

        TeamEntry(TeamSummary summary) {
            this.summary = summary;
        }

        @Exported
        public String getName() {
            return summary.team();
        }

        @Exported
        public List<String> getApplications() {
            return summary.applications();
        }

        /** Its dashboard page, below Jenkins' root. */
        @Exported
        public String getUrl() {
            return "devops-kpi/teams/" + encode(summary.team());
        }
    }
}
