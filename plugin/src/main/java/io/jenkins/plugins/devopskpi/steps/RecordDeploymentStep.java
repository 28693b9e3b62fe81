package io.jenkins.plugins.devopskpi.steps;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.jenkins.plugins.devopskpi.Messages;
import java.time.Instant;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** {@code recordDeployment(application: 'shop', environment: 'production')}: this run deployed, with its result so far. */
public final class RecordDeploymentStep extends Step {
    private final String application;
    private final String environment;
    private String kind;
    private String team;

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

    @DataBoundSetter
    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getTeam() {
        return team;
    }

    @DataBoundSetter
    public void setTeam(String team) {
        this.team = team;
    }

    DeploymentTarget target() {
        return new DeploymentTarget(application, environment, DeploymentTarget.kind(kind), team);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, target());
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<Void> {
        private static final long serialVersionUID = 1L;
        private final DeploymentTarget target;

        Execution(StepContext context, DeploymentTarget target) {
            super(context);
            this.target = target;
        }

        @Override
        protected Void run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            if (RunEvents.markRecorded(run, target)) {
                RunEvents.record(run, target, RunEvents.result(run.getResult()), Instant.now(),
                        getContext().get(TaskListener.class));
            }
            return null;
        }
    }

    @Extension
    @Symbol("recordDeployment")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "recordDeployment";
        }

        @Override
        public String getDisplayName() {
            return Messages.RecordDeploymentStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
