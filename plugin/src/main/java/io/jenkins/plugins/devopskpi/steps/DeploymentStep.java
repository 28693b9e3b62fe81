package io.jenkins.plugins.devopskpi.steps;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.devopskpi.core.mapping.ComponentList;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.model.Component;
import io.devopskpi.core.model.DeploymentResult;
import io.jenkins.plugins.devopskpi.Messages;
import java.time.Instant;
import java.util.List;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code deployment(application: 'shop', environment: 'production') { ... }}: the block is the deployment; it
 * succeeded if the block completed, failed if it threw, and was aborted if it was interrupted. Optionally
 * {@code components: 'pipeline-lib@3.2.0, base-image-jre@21.0.4'}: the platform components it used.
 */
public final class DeploymentStep extends Step {
    private final RecordDeploymentStep target;

    @DataBoundConstructor
    public DeploymentStep(String application, String environment) {
        this.target = new RecordDeploymentStep(application, environment);
    }

    public String getApplication() {
        return target.getApplication();
    }

    public String getEnvironment() {
        return target.getEnvironment();
    }

    public String getKind() {
        return target.getKind();
    }

    /** NORMAL (default), HOTFIX or ROLLBACK; blank is the default. */
    @DataBoundSetter
    public void setKind(String kind) {
        target.setKind(kind);
    }

    public String getComponents() {
        return target.getComponents();
    }

    /** {@code name@version} items separated by commas or lines (core's {@link ComponentList}). */
    @DataBoundSetter
    public void setComponents(String components) {
        target.setComponents(components);
    }

    /** @throws IllegalArgumentException naming the item that is not {@code name@version}, or a name listed twice */
    List<Component> components() {
        return target.components();
    }

    DeploymentTarget target() {
        return target.target();
    }

    @Override
    public StepExecution start(StepContext context) {
        components(); // a malformed list fails the step before the block runs
        return new Execution(context, target(), getComponents());
    }

    private static final class Execution extends StepExecution {
        private static final long serialVersionUID = 1L;
        private final DeploymentTarget target;
        private final String components;

        Execution(StepContext context, DeploymentTarget target, String components) {
            super(context);
            this.target = target;
            this.components = components;
        }

        @Override
        public boolean start() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            RunEvents.markRecorded(run, target);
            getContext().newBodyInvoker().withCallback(new Outcome(target, components)).start();
            return false;
        }
    }

    private static final class Outcome extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;
        private final DeploymentTarget target;
        private final String components; // the text: Component is not Serializable

        Outcome(DeploymentTarget target, String components) {
            this.target = target;
            this.components = components;
        }

        @Override
        public void onSuccess(StepContext context, Object result) {
            record(context, DeploymentResult.SUCCESS);
            context.onSuccess(result);
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            record(context, t instanceof InterruptedException ? DeploymentResult.ABORTED : DeploymentResult.FAILURE);
            context.onFailure(t);
        }

        /**
         * Called on the CPS VM thread: takes what it needs from the context (in memory) and leaves walking earlier
         * builds and asking the store to the recorder thread, so the block's outcome is not held up.
         */
        private void record(StepContext context, DeploymentResult result) {
            Instant finished = Instant.now();
            try {
                Run<?, ?> run = context.get(Run.class);
                TaskListener listener = context.get(TaskListener.class);
                RunEvents.later(run.getExternalizableId(), () -> RunEvents.record(run, target,
                        ComponentList.parse(components), result, finished, listener));
            } catch (Exception e) { // the block's own outcome matters more than its record
                try {
                    context.get(TaskListener.class).getLogger().println("devops-kpi: cannot record the deployment: "
                            + e);
                } catch (Exception ignored) {
                    // no log to write to either
                }
            }
        }
    }

    @Extension
    @Symbol("deployment")
    public static final class DescriptorImpl extends DeploymentStepDescriptor {
        @Override
        public String getFunctionName() {
            return "deployment";
        }

        @Override
        public String getDisplayName() {
            return Messages.DeploymentStep_DisplayName();
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }
    }
}
