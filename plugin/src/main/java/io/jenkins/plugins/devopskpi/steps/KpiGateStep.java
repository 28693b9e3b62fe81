package io.jenkins.plugins.devopskpi.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ComboBoxModel;
import hudson.util.ListBoxModel;
import io.devopskpi.core.gate.GateOutcome;
import io.devopskpi.core.gate.GateStatus;
import io.devopskpi.core.gate.GatePolicyLookup;
import io.devopskpi.core.gate.GateTable;
import io.devopskpi.core.gate.GateVerdict;
import io.devopskpi.core.gate.GateVerdictValues;
import io.devopskpi.core.gate.KpiGate;
import io.jenkins.plugins.devopskpi.Messages;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import io.devopskpi.core.store.StoreException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code kpiGate(application: 'shop', window: '30d', changeSuccessRate: '>= 0.9', timeToRestoreMedian: '<= 4h')}
 * or {@code kpiGate(policy: 'release')}: judges the KPIs (core's gate), prints the verdict table and acts on a
 * breach as {@code onBreach} says (FAILURE fails the step, UNSTABLE marks run and stage, WARNING only logs).
 * Returns the verdict as a map.
 */
public final class KpiGateStep extends Step {
    private final GateArguments arguments = new GateArguments();

    @DataBoundConstructor
    public KpiGateStep() {
    }

    /** The gate these arguments describe, ending now. @throws IllegalArgumentException naming every problem */
    KpiGate gate(Instant now, GatePolicyLookup policies) {
        return arguments.gate(now, policies);
    }

    /**
     * Runs on the CPS VM thread, so it checks the arguments without the store (a gate of its own is parsed now, so
     * a typo fails the step at once); the policy is read and the KPIs computed off that thread, in the execution.
     */
    @Override
    public StepExecution start(StepContext context) throws AbortException {
        try {
            arguments.withoutStore(Instant.now()); // parses a gate of the step's own
        } catch (IllegalArgumentException e) {
            throw new AbortException("kpiGate: " + e.getMessage());
        }
        return new Execution(context, arguments.copy());
    }

    /** Judges the gate with the store's patience; only serializable arguments are kept (program.dat). */
    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 2L;
        private final GateArguments arguments;

        Execution(StepContext context, GateArguments arguments) {
            super(context);
            this.arguments = arguments;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            TaskListener listener = getContext().get(TaskListener.class);
            Instant now = Instant.now();
            GateVerdict verdict;
            try {
                verdict = KpiConfiguration.get().reads().judge(policies -> arguments.gate(now, policies),
                        arguments.withoutStore(now));
            } catch (IllegalArgumentException e) {
                throw new AbortException("kpiGate: " + e.getMessage());
            } catch (StoreException e) { // a policy gate whose policy the store could not give
                return unjudged(listener, e.getMessage());
            }
            listener.getLogger().println(GateTable.render(verdict));
            RunEvents.note(getContext().get(Run.class), RecordedGate.of(arguments.policy(), verdict));
            act(GateOutcome.of(verdict), verdict.message(), listener);
            return GateVerdictValues.of(verdict);
        }

        /** No verdict at all: INSUFFICIENT_DATA, a breach only when the step's own failOnInsufficientData says so. */
        private Map<String, Object> unjudged(TaskListener listener, String reason) throws Exception {
            String message = Messages.KpiGateStep_PolicyUnjudged(arguments.policy(), reason);
            listener.getLogger().println("devops-kpi: " + message);
            boolean breached = arguments.failOnInsufficientData();
            RunEvents.note(getContext().get(Run.class), new RecordedGate(arguments.policy(), null, null,
                    GateStatus.INSUFFICIENT_DATA.name(), breached, message));
            if (breached) {
                act(switch (arguments.onBreach()) {
                    case FAILURE -> GateOutcome.FAILURE;
                    case UNSTABLE -> GateOutcome.UNSTABLE;
                    case WARNING -> GateOutcome.LOG;
                }, message, listener);
            }
            Map<String, Object> values = new HashMap<>();
            values.put("status", GateStatus.INSUFFICIENT_DATA.name());
            values.put("breached", breached);
            values.put("message", message);
            values.put("results", List.of());
            return values;
        }

        private void act(GateOutcome outcome, String message, TaskListener listener) throws Exception {
            switch (outcome) {
                case FAILURE -> throw new AbortException("kpiGate: " + message);
                case UNSTABLE -> {
                    getContext().get(Run.class).setResult(Result.UNSTABLE);
                    FlowNode node = getContext().get(FlowNode.class);
                    WarningAction existing = node.getPersistentAction(WarningAction.class);
                    if (existing == null || existing.getResult().isBetterThan(Result.UNSTABLE)) {
                        node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(message));
                    }
                }
                case LOG -> listener.getLogger().println("devops-kpi: " + Messages.KpiGateStep_BreachOnlyLogged());
                case PASS -> { }
            }
        }
    }

    public String getPolicy() {
        return arguments.policy;
    }

    /** A named gate policy instead of a scope and thresholds of the step's own. */
    @DataBoundSetter
    public void setPolicy(String policy) {
        arguments.policy = StepForm.given(policy);
    }

    public String getApplication() {
        return arguments.scope("application");
    }

    @DataBoundSetter
    public void setApplication(String application) {
        arguments.scope("application", StepForm.given(application));
    }

    public String getTeam() {
        return arguments.scope("team");
    }

    @DataBoundSetter
    public void setTeam(String team) {
        arguments.scope("team", StepForm.given(team));
    }

    public String getSupplier() {
        return arguments.scope("supplier");
    }

    @DataBoundSetter
    public void setSupplier(String supplier) {
        arguments.scope("supplier", StepForm.given(supplier));
    }

    public String getEnvironment() {
        return arguments.environment;
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        arguments.environment = StepForm.given(environment);
    }

    public String getWindow() {
        return arguments.window;
    }

    @DataBoundSetter
    public void setWindow(String window) {
        arguments.window = StepForm.given(window);
    }

    public int getMinSamples() {
        return arguments.minSamples();
    }

    @DataBoundSetter
    public void setMinSamples(int minSamples) {
        arguments.minSamples = minSamples;
    }

    public boolean isFailOnInsufficientData() {
        return arguments.failOnInsufficientData();
    }

    @DataBoundSetter
    public void setFailOnInsufficientData(boolean failOnInsufficientData) {
        arguments.failOnInsufficientData = failOnInsufficientData;
    }

    public String getOnBreach() {
        return arguments.onBreach;
    }

    /** FAILURE, UNSTABLE or WARNING; blank is "not given" (a policy's own, else FAILURE). */
    @DataBoundSetter
    public void setOnBreach(String onBreach) {
        arguments.onBreach = StepForm.choice(onBreach);
    }

    public String getMinSeverity() {
        return arguments.minSeverity;
    }

    /** critical, major or minor: only such incidents count in the incident-side metrics; blank: every incident. */
    @DataBoundSetter
    public void setMinSeverity(String minSeverity) {
        arguments.minSeverity = StepForm.choice(minSeverity);
    }

    public String getDeploymentsPerDay() {
        return arguments.threshold("deploymentsPerDay");
    }

    @DataBoundSetter
    public void setDeploymentsPerDay(String threshold) {
        arguments.threshold("deploymentsPerDay", StepForm.given(threshold));
    }

    public String getDeploymentsPerWeek() {
        return arguments.threshold("deploymentsPerWeek");
    }

    @DataBoundSetter
    public void setDeploymentsPerWeek(String threshold) {
        arguments.threshold("deploymentsPerWeek", StepForm.given(threshold));
    }

    public String getMedianDeploymentDaysPerWeek() {
        return arguments.threshold("medianDeploymentDaysPerWeek");
    }

    @DataBoundSetter
    public void setMedianDeploymentDaysPerWeek(String threshold) {
        arguments.threshold("medianDeploymentDaysPerWeek", StepForm.given(threshold));
    }

    public String getLeadTimeMedian() {
        return arguments.threshold("leadTimeMedian");
    }

    @DataBoundSetter
    public void setLeadTimeMedian(String threshold) {
        arguments.threshold("leadTimeMedian", StepForm.given(threshold));
    }

    public String getLeadTimeP90() {
        return arguments.threshold("leadTimeP90");
    }

    @DataBoundSetter
    public void setLeadTimeP90(String threshold) {
        arguments.threshold("leadTimeP90", StepForm.given(threshold));
    }

    public String getChangeFailureRate() {
        return arguments.threshold("changeFailureRate");
    }

    @DataBoundSetter
    public void setChangeFailureRate(String threshold) {
        arguments.threshold("changeFailureRate", StepForm.given(threshold));
    }

    public String getChangeSuccessRate() {
        return arguments.threshold("changeSuccessRate");
    }

    @DataBoundSetter
    public void setChangeSuccessRate(String threshold) {
        arguments.threshold("changeSuccessRate", StepForm.given(threshold));
    }

    public String getTimeToRestoreMedian() {
        return arguments.threshold("timeToRestoreMedian");
    }

    @DataBoundSetter
    public void setTimeToRestoreMedian(String threshold) {
        arguments.threshold("timeToRestoreMedian", StepForm.given(threshold));
    }

    public String getTimeToRestoreMean() {
        return arguments.threshold("timeToRestoreMean");
    }

    @DataBoundSetter
    public void setTimeToRestoreMean(String threshold) {
        arguments.threshold("timeToRestoreMean", StepForm.given(threshold));
    }

    public String getTimeToDetectMean() {
        return arguments.threshold("timeToDetectMean");
    }

    @DataBoundSetter
    public void setTimeToDetectMean(String threshold) {
        arguments.threshold("timeToDetectMean", StepForm.given(threshold));
    }

    public String getTimeToResolveMean() {
        return arguments.threshold("timeToResolveMean");
    }

    @DataBoundSetter
    public void setTimeToResolveMean(String threshold) {
        arguments.threshold("timeToResolveMean", StepForm.given(threshold));
    }

    public String getTimeToResolveMedian() {
        return arguments.threshold("timeToResolveMedian");
    }

    @DataBoundSetter
    public void setTimeToResolveMedian(String threshold) {
        arguments.threshold("timeToResolveMedian", StepForm.given(threshold));
    }

    public String getReworkRate() {
        return arguments.threshold("reworkRate");
    }

    @DataBoundSetter
    public void setReworkRate(String threshold) {
        arguments.threshold("reworkRate", StepForm.given(threshold));
    }

    public String getAvailability() {
        return arguments.threshold("availability");
    }

    @DataBoundSetter
    public void setAvailability(String threshold) {
        arguments.threshold("availability", StepForm.given(threshold));
    }

    public String getStakeholderSatisfaction() {
        return arguments.threshold("stakeholderSatisfaction");
    }

    @DataBoundSetter
    public void setStakeholderSatisfaction(String threshold) {
        arguments.threshold("stakeholderSatisfaction", StepForm.given(threshold));
    }

    public String getSharedComponentUse() {
        return arguments.threshold("sharedComponentUse");
    }

    @DataBoundSetter
    public void setSharedComponentUse(String threshold) {
        arguments.threshold("sharedComponentUse", StepForm.given(threshold));
    }

    @Extension
    @Symbol("kpiGate")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "kpiGate";
        }

        @Override
        public String getDisplayName() {
            return Messages.KpiGateStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }

        @POST
        public ComboBoxModel doFillPolicyItems(@AncestorInPath Item item) {
            return StepForm.policies(item, StepForm::configuredBackend);
        }

        @POST
        public ComboBoxModel doFillEnvironmentItems(@AncestorInPath Item item) {
            return StepForm.environments(item, StepForm::configuredBackend);
        }

        @POST
        public ListBoxModel doFillOnBreachItems(@AncestorInPath Item item) {
            return StepForm.choices(item, Messages.StepForm_DefaultOnBreach(), StepForm.onBreachChoices());
        }

        @POST
        public ListBoxModel doFillMinSeverityItems(@AncestorInPath Item item) {
            return StepForm.choices(item, Messages.StepForm_DefaultMinSeverity(),
                    java.util.List.of("critical", "major", "minor"));
        }

        @POST
        public FormValidation doCheckWindow(@AncestorInPath Item item, @QueryParameter String value) {
            return StepForm.check(item, () -> StepForm.windowProblem(value));
        }

        private static FormValidation threshold(Item item, String metric, String value) {
            return StepForm.check(item, () -> StepForm.thresholdProblem(metric, value));
        }

        @POST
        public FormValidation doCheckDeploymentsPerDay(@AncestorInPath Item item, @QueryParameter String value) {
            return threshold(item, "deploymentsPerDay", value);
        }

        @POST
        public FormValidation doCheckDeploymentsPerWeek(@AncestorInPath Item item, @QueryParameter String value) {
            return threshold(item, "deploymentsPerWeek", value);
        }

        @POST
        public FormValidation doCheckMedianDeploymentDaysPerWeek(@AncestorInPath Item item, @QueryParameter String value) {
            return threshold(item, "medianDeploymentDaysPerWeek", value);
        }

        @POST
        public FormValidation doCheckLeadTimeMedian(@AncestorInPath Item item, @QueryParameter String value) {
            return threshold(item, "leadTimeMedian", value);
        }

        @POST
        public FormValidation doCheckLeadTimeP90(@AncestorInPath Item item, @QueryParameter String value) {
            return threshold(item, "leadTimeP90", value);
        }

        @POST
        public FormValidation doCheckChangeFailureRate(@AncestorInPath Item item, @QueryParameter String value) {
            return threshold(item, "changeFailureRate", value);
        }

        @POST
        public FormValidation doCheckChangeSuccessRate(@AncestorInPath Item item, @QueryParameter String value) {
            return threshold(item, "changeSuccessRate", value);
        }

        @POST
        public FormValidation doCheckTimeToRestoreMedian(@AncestorInPath Item item, @QueryParameter String value) {
            return threshold(item, "timeToRestoreMedian", value);
        }

        @POST
        public FormValidation doCheckTimeToRestoreMean(@AncestorInPath Item item, @QueryParameter String value) {
            return threshold(item, "timeToRestoreMean", value);
        }

        @POST
        public FormValidation doCheckTimeToDetectMean(@AncestorInPath Item item, @QueryParameter String value) {
            return threshold(item, "timeToDetectMean", value);
        }

        @POST
        public FormValidation doCheckTimeToResolveMean(@AncestorInPath Item item, @QueryParameter String value) {
            return threshold(item, "timeToResolveMean", value);
        }

        @POST
        public FormValidation doCheckTimeToResolveMedian(@AncestorInPath Item item, @QueryParameter String value) {
            return threshold(item, "timeToResolveMedian", value);
        }

        @POST
        public FormValidation doCheckReworkRate(@AncestorInPath Item item, @QueryParameter String value) {
            return threshold(item, "reworkRate", value);
        }

        @POST
        public FormValidation doCheckAvailability(@AncestorInPath Item item, @QueryParameter String value) {
            return threshold(item, "availability", value);
        }

        @POST
        public FormValidation doCheckStakeholderSatisfaction(@AncestorInPath Item item, @QueryParameter String value) {
            return threshold(item, "stakeholderSatisfaction", value);
        }

        @POST
        public FormValidation doCheckSharedComponentUse(@AncestorInPath Item item, @QueryParameter String value) {
            return threshold(item, "sharedComponentUse", value);
        }
    }
}
