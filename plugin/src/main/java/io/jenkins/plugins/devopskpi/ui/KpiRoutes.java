package io.jenkins.plugins.devopskpi.ui;

import io.devopskpi.core.api.ApiAnswer;
import io.devopskpi.core.api.ApiJson;
import io.devopskpi.core.api.ReadApi;
import io.devopskpi.core.dashboard.DashboardFile;
import io.devopskpi.core.dashboard.DashboardFiles;
import io.devopskpi.core.embedded.KpiReads;
import io.devopskpi.core.store.StoreException;
import io.jenkins.plugins.devopskpi.Messages;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code /devops-kpi/} answers, without Stapler, so that it can be checked without Jenkins: the read API under
 * {@code api/v1/} as {@link ReadPermission} allows it, and the dashboard's pages and files, except those that need
 * the server's write API. {@link KpiRootAction} carries the reply over HTTP.
 */
public final class KpiRoutes {
    /**
     * Pages not served in Jenkins, by their {@code data-nav} name: the admin page's forms post to the server's write
     * API, which the plugin does not have (events come from pipeline steps).
     */
    static final Set<String> NOT_SERVED = Set.of("admin");
    /**
     * ECharts' UMD build as the echarts-api plugin serves it (below the context path): the pages chart with that
     * copy, so the hpi bundles none (plugin/pom.xml excludes the dashboard's WebJar).
     */
    static final String ECHARTS_API_SCRIPT = "/plugin/echarts-api/js/echarts.min.js";
    /**
     * The theme a page is in until Jenkins' theme-manager names the user's (DashboardPage): its key for Jenkins'
     * light theme, which is what Jenkins shows without theme-manager. The server's own pages name none and follow the
     * system's setting.
     */
    static final String JENKINS_DEFAULT_THEME = "none";

    private final DashboardFiles dashboard;
    private final Backend backend;

    public KpiRoutes(DashboardFiles dashboard, Backend backend) {
        this.dashboard = dashboard;
        this.backend = backend;
    }

    /**
     * The reply to {@code method restOfPath?query} below {@code <contextPath>/devops-kpi} for {@code reader}. GET
     * only.
     */
    public Reply reply(String method, String restOfPath, Map<String, List<String>> query, KpiReader reader,
            String contextPath) {
        if (Access.operation(method, restOfPath) == null) {
            return notFound();
        }
        if (!reader.mayReadOverall()) {
            return new Reply.Answer(ApiAnswer.json(403, ApiJson.error(Messages.RootAction_NeedsOverallRead())));
        }
        if (Access.isApi(restOfPath)) {
            return new Reply.Answer(api(Access.endpoint(restOfPath), query, reader));
        }
        String page = restOfPath.startsWith("/") ? restOfPath.substring(1) : restOfPath;
        Optional<DashboardFile> file = NOT_SERVED.contains(page) ? Optional.empty() : dashboard.find(restOfPath);
        if (file.isEmpty()) {
            return notFound();
        }
        // the unmapped alerts are listed at hooks/unmapped, to administrators only (their labels may name any
        // application): the overview asks for their count only when this user may read them
        DashboardFile served = file.get().withApiBase(contextPath + "/devops-kpi/api/v1")
                .withChartsUrl(contextPath + ECHARTS_API_SCRIPT)
                .withUnmappedList(reader.isAdministrator() ? contextPath + "/devops-kpi/hooks/unmapped" : "")
                .withTheme(JENKINS_DEFAULT_THEME);
        for (String hidden : NOT_SERVED) {
            served = served.withoutLinkTo(hidden);
        }
        return new Reply.File(served);
    }

    /**
     * Asks the store (or the central server) on a background thread with the read patience (KpiReads#read), so a slow
     * or hung store answers 503 instead of holding a Jenkins request thread; the reader checks permissions as the
     * requesting user there too.
     */
    private ApiAnswer api(String endpoint, Map<String, List<String>> query, KpiReader reader) {
        KpiReads kpis;
        try {
            kpis = backend.get();
        } catch (IOException e) { // the event queue cannot be opened
            return ApiAnswer.json(503, ApiJson.error("the store is not usable right now, try again later"));
        }
        try {
            return kpis.read(() -> answer(kpis, endpoint, query, reader));
        } catch (StoreException e) {
            return ApiAnswer.json(503, ApiJson.error("KPIs are not available: " + e.getMessage()));
        }
    }

    private static ApiAnswer answer(KpiReads kpis, String endpoint, Map<String, List<String>> query,
            KpiReader reader) {
        if (!ReadApi.isEndpoint(endpoint)) {
            return ApiAnswer.json(404, ApiJson.error("Not Found"));
        }
        ReadPermission.Decision decision = new ReadPermission(reader, kpis::pipelines, kpis::allPipelines)
                .decide(endpoint, query);
        if (!decision.allowed()) {
            return ApiAnswer.json(403, ApiJson.error(decision.refusal()));
        }
        return kpis.answer(endpoint, query, decision.visibleApplication());
    }

    private static Reply notFound() {
        return new Reply.Answer(ApiAnswer.json(404, ApiJson.error("Not Found")));
    }

    /** Where the read API is answered from: the store, or the central server; opened on first use. */
    @FunctionalInterface
    public interface Backend {
        KpiReads get() throws IOException;
    }

    /** A read-API answer (or an error), or a dashboard file. */
    public sealed interface Reply {
        int status();

        record Answer(ApiAnswer answer) implements Reply {
            @Override
            public int status() {
                return answer.status();
            }
        }

        record File(DashboardFile file) implements Reply {
            @Override
            public int status() {
                return 200;
            }
        }
    }
}
