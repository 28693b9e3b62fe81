package io.jenkins.plugins.devopskpi.rules;

import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.mapping.PipelineRule;
import io.devopskpi.core.model.DeploymentKind;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The form and Configuration-as-Code shape of core's {@link PipelineRule}: a job full-name pattern and what the
 * matching jobs deploy. Validation and matching are core's.
 */
public final class JobRule {
    private final String pattern;
    private final String application;
    private final String environment;
    private DeploymentKind kind = DeploymentKind.NORMAL;
    private String team;
    private transient PipelineRule rule;

    /** @throws IllegalArgumentException naming a blank field or an unreadable pattern */
    @DataBoundConstructor
    public JobRule(String pattern, String application, String environment) {
        this.rule = new PipelineRule(pattern, application, environment, kind, null);
        this.pattern = rule.pattern();
        this.application = rule.application();
        this.environment = rule.environment();
    }

    /** Core's rule; rebuilt after loading from disk, where transient fields start empty. */
    public PipelineRule rule() {
        if (rule == null) {
            rule = new PipelineRule(pattern, application, environment, kind, team);
        }
        return rule;
    }

    public String getPattern() {
        return pattern;
    }

    public String getApplication() {
        return application;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getKind() {
        return kind.name();
    }

    @DataBoundSetter
    public void setKind(String kind) {
        this.kind = DeploymentTarget.kind(kind);
        this.rule = null;
    }

    public String getTeam() {
        return team;
    }

    @DataBoundSetter
    public void setTeam(String team) {
        this.team = team == null || team.isBlank() ? null : team.trim();
        this.rule = null;
    }
}
