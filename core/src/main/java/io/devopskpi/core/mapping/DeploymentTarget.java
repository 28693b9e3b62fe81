package io.devopskpi.core.mapping;

import io.devopskpi.core.model.DeploymentKind;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What a pipeline run deployed: application, environment, kind and (optionally) the team that owns it. */
public record DeploymentTarget(String application, String environment, DeploymentKind kind, String team)
        implements Serializable {
    public static final String APPLICATION = "DEVOPS_KPI_APPLICATION";
    public static final String ENVIRONMENT = "DEVOPS_KPI_ENVIRONMENT";
    public static final String KIND = "DEVOPS_KPI_KIND";

    /**
     * The target of a run of the pipeline: a build parameter or environment variable ({@link #APPLICATION},
     * {@link #ENVIRONMENT}, {@link #KIND}) wins over the first rule whose pattern matches the pipeline's full name.
     * Empty when neither names both an application and an environment: such runs are no deployments.
     *
     * @throws IllegalArgumentException when {@link #KIND} is not NORMAL, HOTFIX or ROLLBACK
     */
    public static Optional<DeploymentTarget> resolve(List<PipelineRule> rules, String pipeline,
            Map<String, String> variables) {
        PipelineRule rule = rules.stream().filter(r -> r.matches(pipeline)).findFirst().orElse(null);
        String application = first(variables.get(APPLICATION), rule == null ? null : rule.application());
        String environment = first(variables.get(ENVIRONMENT), rule == null ? null : rule.environment());
        if (application == null || environment == null) {
            return Optional.empty();
        }
        String kind = first(variables.get(KIND), rule == null ? null : rule.kind().name());
        return Optional.of(new DeploymentTarget(application, environment, kind(kind),
                rule == null ? null : rule.team()));
    }

    /** NORMAL when blank. @throws IllegalArgumentException naming the accepted kinds */
    public static DeploymentKind kind(String text) {
        if (text == null || text.isBlank()) {
            return DeploymentKind.NORMAL;
        }
        try {
            return DeploymentKind.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind must be NORMAL, HOTFIX or ROLLBACK: '" + text + "'", e);
        }
    }

    /**
     * The stable event id of this target's deployment by a run, e.g. {@code jenkins:shop/deploy#42:shop:production}:
     * re-recording the same run stores nothing new. {@code ci} names the CI ({@code jenkins}), {@code controller}
     * tells CI servers sharing one store apart (blank: left out), {@code runId} is the CI's own id of the run.
     */
    public String eventId(String ci, String controller, String runId) {
        return ci + ":" + (controller == null || controller.isBlank() ? "" : controller.trim() + ":")
                + runId + ":" + application + ":" + environment;
    }

    private static String first(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred.trim() : fallback;
    }
}
