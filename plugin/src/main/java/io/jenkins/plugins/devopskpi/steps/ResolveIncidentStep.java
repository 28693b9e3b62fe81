package io.jenkins.plugins.devopskpi.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.TaskListener;
import io.devopskpi.core.text.TimeText;
import io.jenkins.plugins.devopskpi.Messages;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
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

/** {@code resolveIncident(id: 'INC-7')}: the stored incident's impact ended ({@code resolved}, default now). */
public final class ResolveIncidentStep extends Step {
    private final String id;
    private String resolved;

    @DataBoundConstructor
    public ResolveIncidentStep(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public String getResolved() {
        return resolved;
    }

    @DataBoundSetter
    public void setResolved(String resolved) {
        this.resolved = StepForm.given(resolved);
    }

    @Override
    public StepExecution start(StepContext context) throws AbortException {
        Instant end = resolved == null ? Instant.now() : TimeText.instant(resolved).orElseThrow(() ->
                new AbortException("resolveIncident: resolved must be an ISO-8601 instant such as "
                        + "2026-01-05T13:00:00Z: " + resolved));
        return new Execution(context, id, end);
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<Void> {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final Instant resolved;

        Execution(StepContext context, String id, Instant resolved) {
            super(context);
            this.id = id;
            this.resolved = resolved;
        }

        @Override
        protected Void run() throws Exception {
            try {
                boolean stored = KpiConfiguration.get().intake().resolveNow(id, resolved);
                RecordIncidentStep.Submit.log(getContext(), id, stored);
            } catch (IllegalArgumentException e) {
                throw new AbortException("resolveIncident: " + e.getMessage());
            }
            return null;
        }
    }

    @Extension
    @Symbol("resolveIncident")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "resolveIncident";
        }

        @Override
        public String getDisplayName() {
            return Messages.ResolveIncidentStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class);
        }
    }
}
