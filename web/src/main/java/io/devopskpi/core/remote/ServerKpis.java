package io.devopskpi.core.remote;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import io.devopskpi.core.model.Assignment;
import io.devopskpi.core.model.Incident;
import io.devopskpi.core.model.Responsibility;
import io.devopskpi.core.query.ApplicationSummary;
import io.devopskpi.core.query.Owner;
import io.devopskpi.core.query.TeamSummary;
import io.devopskpi.core.summary.HeadlineFigures;
import io.devopskpi.core.summary.KpiSummary;

/**
 * Reads the server's answers (api.md) into what pages show: {@code GET /api/v1/kpis} into summaries and figures,
 * the entries of {@code assignments}, {@code applications} and {@code teams} into core's types.
 */
final class ServerKpis {
    private ServerKpis() {
    }

    /**
     * The headline figures of the answer: {@code deploymentFrequency.perWeek}, {@code changeSuccessRate.rate},
     * {@code leadTime.medianSeconds}, {@code timeToRestore.medianSeconds} (null: no data).
     *
     * @throws ServerUnavailableException when the answer lacks them (not a devops-kpi server of this API)
     */
    static KpiSummary summary(String label, JsonObject answer) {
        try {
            return KpiSummary.of(label, answer.getAsJsonObject("deploymentFrequency").get("perWeek").getAsDouble(),
                    number(answer, "changeSuccessRate", "rate"), number(answer, "leadTime", "medianSeconds"),
                    number(answer, "timeToRestore", "medianSeconds"));
        } catch (RuntimeException e) {
            throw new ServerUnavailableException("the central server's KPIs are not in the expected form: " + e);
        }
    }

    /**
     * The figures of the answer as numbers: {@code deploymentFrequency.deployments} and {@code .perWeek},
     * {@code changeFailureRate.total}, {@code changeSuccessRate.rate}, {@code leadTime.count} and
     * {@code .medianSeconds}, {@code timeToRestore.count} and {@code .medianSeconds}.
     *
     * @throws ServerUnavailableException when the answer lacks them
     */
    static HeadlineFigures figures(JsonObject answer) {
        try {
            JsonObject frequency = answer.getAsJsonObject("deploymentFrequency");
            return new HeadlineFigures(null, frequency.get("deployments").getAsInt(),
                    frequency.get("perWeek").getAsDouble(), answer.getAsJsonObject("changeFailureRate").get("total")
                            .getAsInt(), number(answer, "changeSuccessRate", "rate"),
                    answer.getAsJsonObject("leadTime").get("count").getAsInt(),
                    number(answer, "leadTime", "medianSeconds"),
                    answer.getAsJsonObject("timeToRestore").get("count").getAsInt(),
                    number(answer, "timeToRestore", "medianSeconds"));
        } catch (RuntimeException e) {
            throw new ServerUnavailableException("the central server's KPIs are not in the expected form: " + e);
        }
    }

    /** An entry of {@code GET /api/v1/assignments} (api.md) as the assignment it lists. */
    static Assignment assignment(JsonObject item) {
        try {
            return new Assignment(item.get("application").getAsString(), item.get("supplier").getAsString(),
                    text(item.get("team")), Responsibility.valueOf(item.get("responsibility").getAsString()),
                    Instant.parse(item.get("from").getAsString()), item.get("to") == null || item.get("to")
                            .isJsonNull() ? null : Instant.parse(item.get("to").getAsString()));
        } catch (RuntimeException e) {
            throw new ServerUnavailableException("the central server's assignments are not in the expected form: "
                    + e);
        }
    }

    /** An entry of {@code GET /api/v1/applications} (api.md) as the application summary it lists. */
    static ApplicationSummary application(JsonObject item) {
        try {
            JsonElement last = item.get("lastDeployment");
            return new ApplicationSummary(item.get("application").getAsString(), owner(item, "delivery"),
                    owner(item, "operations"), item.get("deployments").getAsInt(), last == null || last.isJsonNull()
                            ? null : Instant.parse(last.getAsString()));
        } catch (RuntimeException e) {
            throw new ServerUnavailableException("the central server's applications are not in the expected form: "
                    + e);
        }
    }

    /** An entry of {@code GET /api/v1/teams} (api.md) as the team summary it lists. */
    static TeamSummary team(JsonObject item) {
        try {
            List<String> applications = new ArrayList<>();
            item.getAsJsonArray("applications").forEach(name -> applications.add(name.getAsString()));
            return new TeamSummary(item.get("team").getAsString(), applications);
        } catch (RuntimeException e) {
            throw new ServerUnavailableException("the central server's teams are not in the expected form: " + e);
        }
    }

    /**
     * An entry of {@code GET /api/v1/incidents} (api.md) as the incident a resolution updates: its id, application,
     * environment and start only (the entry's team and supplier are the attributed owners, not what was sent).
     */
    static Incident incident(JsonObject item) {
        try {
            return new Incident(item.get("id").getAsString(), item.get("application").getAsString(),
                    item.get("environment").getAsString(), Instant.parse(item.get("started").getAsString()), null,
                    null, null, null, null, null);
        } catch (RuntimeException e) {
            throw new ServerUnavailableException("the central server's incidents are not in the expected form: "
                    + e);
        }
    }

    private static Owner owner(JsonObject item, String responsibility) {
        JsonObject owner = item.getAsJsonObject(responsibility);
        return new Owner(owner.get("team").getAsString(), owner.get("supplier").getAsString());
    }

    private static String text(JsonElement value) {
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static Double number(JsonObject answer, String kpi, String field) {
        JsonElement value = answer.getAsJsonObject(kpi).get(field);
        if (value == null) {
            throw new IllegalStateException(kpi + "." + field + " is missing");
        }
        return value.isJsonNull() ? null : value.getAsDouble();
    }
}
