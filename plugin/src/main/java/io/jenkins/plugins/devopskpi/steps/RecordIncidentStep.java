package io.jenkins.plugins.devopskpi.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.TaskListener;
import hudson.util.ComboBoxModel;
import io.devopskpi.core.model.Incident;
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
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code recordIncident(id: 'INC-7', application: 'shop', environment: 'production', cause: ...)}: impact began
 * ({@code started}, default now). Re-recording an id updates its detected, resolved, severity and cause.
 */
public final class RecordIncidentStep extends Step {
    private final String id;
    private final String application;
    private final String environment;
    private String started;
    private String severity;
    private String cause;

    @DataBoundConstructor
    public RecordIncidentStep(String id, String application, String environment) {
        this.id = id;
        this.application = application;
        this.environment = environment;
    }

    public String getId() {
        return id;
    }

    public String getApplication() {
        return application;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getStarted() {
        return started;
    }

    /** An ISO-8601 instant such as 2026-01-05T10:07:00Z. */
    @DataBoundSetter
    public void setStarted(String started) {
        this.started = StepForm.given(started);
    }

    public String getSeverity() {
        return severity;
    }

    @DataBoundSetter
    public void setSeverity(String severity) {
        this.severity = StepForm.given(severity);
    }

    public String getCause() {
        return cause;
    }

    /** The id of the deployment that caused it, e.g. a recordDeployment's event id. */
    @DataBoundSetter
    public void setCause(String cause) {
        this.cause = StepForm.given(cause);
    }

    @Override
    public StepExecution start(StepContext context) throws AbortException {
        Instant start = Instant.now();
        if (started != null) {
            start = TimeText.instant(started).orElseThrow(() -> new AbortException(
                    "recordIncident: started must be an ISO-8601 instant such as 2026-01-05T10:07:00Z: " + started));
        }
        Submit submit = new Submit(context, id, application, environment, start, severity, cause);
        submit.incident(); // a malformed incident fails the step before anything runs
        return submit;
    }

    /**
     * Queues an incident event, then tries to store it at once so a following step sees it. Holds the incident's
     * fields, not the {@link Incident}: Pipeline writes running executions with Java serialization, and the
     * record is not Serializable.
     */
    static final class Submit extends SynchronousNonBlockingStepExecution<Void> {
        private static final long serialVersionUID = 1L;
        private final String id;
        private final String application;
        private final String environment;
        private final Instant started;
        private final String severity;
        private final String cause;

        Submit(StepContext context, String id, String application, String environment, Instant started,
                String severity, String cause) {
            super(context);
            this.id = id;
            this.application = application;
            this.environment = environment;
            this.started = started;
            this.severity = severity;
            this.cause = cause;
        }

        /** @throws AbortException naming the field that core refuses */
        Incident incident() throws AbortException {
            try {
                return new Incident(id, application, environment, started, started, null, severity, cause, null,
                        null);
            } catch (IllegalArgumentException e) {
                throw new AbortException("recordIncident: " + e.getMessage());
            }
        }

        @Override
        protected Void run() throws Exception {
            log(getContext(), id, KpiConfiguration.get().intake().submitNow(incident()));
            return null;
        }

        static void log(StepContext context, String id, boolean stored) throws Exception {
            context.get(TaskListener.class).getLogger().println(stored ? "devops-kpi: recorded incident " + id
                    : "devops-kpi: incident " + id + " is queued and will be stored when the store is usable");
        }
    }

    @Extension
    @Symbol("recordIncident")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "recordIncident";
        }

        @Override
        public String getDisplayName() {
            return Messages.RecordIncidentStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class);
        }

        @POST
        public ComboBoxModel doFillEnvironmentItems(@AncestorInPath Item item) {
            return StepForm.environments(item, StepForm::configuredBackend);
        }
    }
}
