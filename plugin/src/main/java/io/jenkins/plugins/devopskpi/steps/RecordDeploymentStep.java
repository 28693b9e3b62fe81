package io.jenkins.plugins.devopskpi.steps;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.devopskpi.core.mapping.ComponentList;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.model.Component;
import io.jenkins.plugins.devopskpi.Messages;
import java.time.Instant;
import java.util.List;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code recordDeployment(application: 'shop', environment: 'production')}: this run deployed, with its result so far;
 * optionally with the platform components it used, {@code components: 'pipeline-lib@3.2.0, base-image-jre@21.0.4'}.
 */
public final class RecordDeploymentStep extends Step {
    private final String application;
    private final String environment;
    private String kind;
    private String team;
    private String components;

    @DataBoundConstructor
    public RecordDeploymentStep(String application, String environment) {
        this.application = application;
        this.environment = environment;
    }

    public String getApplication() {
        return application;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getKind() {
        return kind;
    }

    /** NORMAL (default), HOTFIX or ROLLBACK; blank is the default. */
    @DataBoundSetter
    public void setKind(String kind) {
        this.kind = StepForm.choice(kind);
    }

    public String getTeam() {
        return team;
    }

    @DataBoundSetter
    public void setTeam(String team) {
        this.team = StepForm.given(team);
    }

    public String getComponents() {
        return components;
    }

    /** {@code name@version} items separated by commas or lines (core's {@link ComponentList}). */
    @DataBoundSetter
    public void setComponents(String components) {
        this.components = StepForm.given(components);
    }

    /** @throws IllegalArgumentException naming the item that is not {@code name@version}, or a name listed twice */
    List<Component> components() {
        return ComponentList.parse(components);
    }

    DeploymentTarget target() {
        return new DeploymentTarget(application, environment, DeploymentTarget.kind(kind), team);
    }

    @Override
    public StepExecution start(StepContext context) {
        components(); // a malformed list fails the step before anything is recorded
        return new Execution(context, target(), components);
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<Void> {
        private static final long serialVersionUID = 1L;
        private final DeploymentTarget target;
        private final String components; // the text: Component is not Serializable

        Execution(StepContext context, DeploymentTarget target, String components) {
            super(context);
            this.target = target;
            this.components = components;
        }

        @Override
        protected Void run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            if (RunEvents.markRecorded(run, target)) {
                RunEvents.record(run, target, ComponentList.parse(components), RunEvents.result(run.getResult()),
                        Instant.now(), getContext().get(TaskListener.class));
            }
            return null;
        }
    }

    @Extension
    @Symbol("recordDeployment")
    public static final class DescriptorImpl extends DeploymentStepDescriptor {
        @Override
        public String getFunctionName() {
            return "recordDeployment";
        }

        @Override
        public String getDisplayName() {
            return Messages.RecordDeploymentStep_DisplayName();
        }
    }
}
