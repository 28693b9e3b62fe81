package io.jenkins.plugins.devopskpi.rules;

import io.devopskpi.core.model.DeploymentKind;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What a run deployed: application, environment, kind and (optionally) the team that owns it. */
public record DeploymentTarget(String application, String environment, DeploymentKind kind, String team)
        implements Serializable {
    public static final String APPLICATION = "DEVOPS_KPI_APPLICATION";
    public static final String ENVIRONMENT = "DEVOPS_KPI_ENVIRONMENT";
    public static final String KIND = "DEVOPS_KPI_KIND";

    /**
     * The target of a run of the job: a build parameter or environment variable ({@link #APPLICATION},
     * {@link #ENVIRONMENT}, {@link #KIND}) wins over the first rule whose pattern matches the job's full name.
     * Empty when neither names both an application and an environment: such runs are no deployments.
     *
     * @throws IllegalArgumentException when {@link #KIND} is not NORMAL, HOTFIX or ROLLBACK
     */
    public static Optional<DeploymentTarget> resolve(List<JobRule> rules, String jobFullName,
            Map<String, String> variables) {
        JobRule rule = rules.stream().filter(r -> r.matches(jobFullName)).findFirst().orElse(null);
        String application = first(variables.get(APPLICATION), rule == null ? null : rule.getApplication());
        String environment = first(variables.get(ENVIRONMENT), rule == null ? null : rule.getEnvironment());
        if (application == null || environment == null) {
            return Optional.empty();
        }
        String kind = first(variables.get(KIND), rule == null ? null : rule.getKind());
        return Optional.of(new DeploymentTarget(application, environment, kind(kind),
                rule == null ? null : rule.getTeam()));
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
     * The stable event id of this target's deployment by a run ({@code job#number}): re-recording the same run
     * stores nothing new. {@code controller} tells controllers sharing one store apart (blank: left out).
     */
    public String eventId(String controller, String externalizableId) {
        return "jenkins:" + (controller == null || controller.isBlank() ? "" : controller.trim() + ":")
                + externalizableId + ":" + application + ":" + environment;
    }

    private static String first(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred.trim() : fallback;
    }
}
