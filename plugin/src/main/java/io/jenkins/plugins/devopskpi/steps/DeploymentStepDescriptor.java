package io.jenkins.plugins.devopskpi.steps;

import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ComboBoxModel;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devopskpi.Messages;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.verb.POST;

/**
 * What the descriptors of the two steps that record a deployment ({@code deployment} and
 * {@code recordDeployment}) share: both need the run and its log, and both offer the deployment kinds and the known environments.
 */
public abstract class DeploymentStepDescriptor extends StepDescriptor {
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class);
    }

    @POST
    public ListBoxModel doFillKindItems(@AncestorInPath Item item) {
        return StepForm.choices(item, Messages.StepForm_DefaultKind(), StepForm.kinds());
    }

    @POST
    public ComboBoxModel doFillEnvironmentItems(@AncestorInPath Item item) {
        return StepForm.environments(item, StepForm::configuredBackend);
    }
}
