package io.jenkins.plugins.devopskpi.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.devopskpi.core.gate.GateOutcome;
import io.devopskpi.core.gate.GatePolicyLookup;
import io.devopskpi.core.gate.GateTable;
import io.devopskpi.core.gate.GateVerdict;
import io.devopskpi.core.gate.GateVerdictValues;
import io.devopskpi.core.gate.KpiGate;
import io.devopskpi.core.gate.KpiGateEvaluator;
import io.devopskpi.core.gate.KpiGateText;
import io.jenkins.plugins.devopskpi.Messages;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code kpiGate(application: 'shop', window: '30d', changeSuccessRate: '>= 0.9', timeToRestoreMedian: '<= 4h')}
 * or {@code kpiGate(policy: 'release')}: judges the KPIs (core's gate), prints the verdict table and acts on a
 * breach as {@code onBreach} says (FAILURE fails the step, UNSTABLE marks run and stage, WARNING only logs).
 * Returns the verdict as a map.
 */
public final class KpiGateStep extends Step {
    private final Map<String, String> thresholds = new LinkedHashMap<>();
    private final Map<String, String> scopes = new LinkedHashMap<>();
    private String policy;
    private String environment;
    private String window;
    private int minSamples;
    private boolean failOnInsufficientData;
    private String onBreach;

    @DataBoundConstructor
    public KpiGateStep() {
        scopes.put("application", null);
        scopes.put("team", null);
        scopes.put("supplier", null);
    }

    /** The gate these arguments describe, ending now. @throws IllegalArgumentException naming every problem */
    KpiGate gate(Instant now, GatePolicyLookup policies) {
        if (policy == null || policy.isBlank()) {
            return KpiGateText.parse(scopes, environment, window, thresholds, minSamples, failOnInsufficientData,
                    onBreach, now);
        }
        Map<String, String> own = new HashMap<>(scopes);
        own.putAll(thresholds);
        own.put("environment", environment);
        own.put("window", window);
        return GatePolicyLookup.resolve(policies, policy, own, now);
    }

    @Override
    public StepExecution start(StepContext context) throws AbortException {
        try {
            return new Execution(context, gate(Instant.now(), KpiConfiguration.get().backend().policies()));
        } catch (IOException | IllegalArgumentException e) {
            throw new AbortException("kpiGate: " + e.getMessage());
        }
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;
        private final transient KpiGate gate;

        Execution(StepContext context, KpiGate gate) {
            super(context);
            this.gate = gate;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            GateVerdict verdict = new KpiGateEvaluator(KpiConfiguration.get().backend().kpis()).evaluate(gate);
            TaskListener listener = getContext().get(TaskListener.class);
            listener.getLogger().println(GateTable.render(verdict));
            switch (GateOutcome.of(verdict)) {
                case FAILURE -> throw new AbortException("kpiGate: " + verdict.message());
                case UNSTABLE -> {
                    getContext().get(Run.class).setResult(Result.UNSTABLE);
                    FlowNode node = getContext().get(FlowNode.class);
                    WarningAction existing = node.getPersistentAction(WarningAction.class);
                    if (existing == null || existing.getResult().isBetterThan(Result.UNSTABLE)) {
                        node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(verdict.message()));
                    }
                }
                case LOG -> listener.getLogger().println("devops-kpi: the gate is breached; onBreach is WARNING, "
                        + "so the build goes on");
                case PASS -> { }
            }
            return GateVerdictValues.of(verdict);
        }
    }

    public String getPolicy() {
        return policy;
    }

    /** A named gate policy instead of a scope and thresholds of the step's own. */
    @DataBoundSetter
    public void setPolicy(String policy) {
        this.policy = policy;
    }

    public String getApplication() {
        return scopes.get("application");
    }

    @DataBoundSetter
    public void setApplication(String application) {
        scopes.put("application", application);
    }

    public String getTeam() {
        return scopes.get("team");
    }

    @DataBoundSetter
    public void setTeam(String team) {
        scopes.put("team", team);
    }

    public String getSupplier() {
        return scopes.get("supplier");
    }

    @DataBoundSetter
    public void setSupplier(String supplier) {
        scopes.put("supplier", supplier);
    }

    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getWindow() {
        return window;
    }

    @DataBoundSetter
    public void setWindow(String window) {
        this.window = window;
    }

    public int getMinSamples() {
        return minSamples;
    }

    @DataBoundSetter
    public void setMinSamples(int minSamples) {
        this.minSamples = minSamples;
    }

    public boolean isFailOnInsufficientData() {
        return failOnInsufficientData;
    }

    @DataBoundSetter
    public void setFailOnInsufficientData(boolean failOnInsufficientData) {
        this.failOnInsufficientData = failOnInsufficientData;
    }

    public String getOnBreach() {
        return onBreach;
    }

    @DataBoundSetter
    public void setOnBreach(String onBreach) {
        this.onBreach = onBreach;
    }

    public String getDeploymentsPerDay() {
        return thresholds.get("deploymentsPerDay");
    }

    @DataBoundSetter
    public void setDeploymentsPerDay(String threshold) {
        thresholds.put("deploymentsPerDay", threshold);
    }

    public String getDeploymentsPerWeek() {
        return thresholds.get("deploymentsPerWeek");
    }

    @DataBoundSetter
    public void setDeploymentsPerWeek(String threshold) {
        thresholds.put("deploymentsPerWeek", threshold);
    }

    public String getMedianDeploymentDaysPerWeek() {
        return thresholds.get("medianDeploymentDaysPerWeek");
    }

    @DataBoundSetter
    public void setMedianDeploymentDaysPerWeek(String threshold) {
        thresholds.put("medianDeploymentDaysPerWeek", threshold);
    }

    public String getLeadTimeMedian() {
        return thresholds.get("leadTimeMedian");
    }

    @DataBoundSetter
    public void setLeadTimeMedian(String threshold) {
        thresholds.put("leadTimeMedian", threshold);
    }

    public String getLeadTimeP90() {
        return thresholds.get("leadTimeP90");
    }

    @DataBoundSetter
    public void setLeadTimeP90(String threshold) {
        thresholds.put("leadTimeP90", threshold);
    }

    public String getChangeFailureRate() {
        return thresholds.get("changeFailureRate");
    }

    @DataBoundSetter
    public void setChangeFailureRate(String threshold) {
        thresholds.put("changeFailureRate", threshold);
    }

    public String getChangeSuccessRate() {
        return thresholds.get("changeSuccessRate");
    }

    @DataBoundSetter
    public void setChangeSuccessRate(String threshold) {
        thresholds.put("changeSuccessRate", threshold);
    }

    public String getTimeToRestoreMedian() {
        return thresholds.get("timeToRestoreMedian");
    }

    @DataBoundSetter
    public void setTimeToRestoreMedian(String threshold) {
        thresholds.put("timeToRestoreMedian", threshold);
    }

    public String getTimeToRestoreMean() {
        return thresholds.get("timeToRestoreMean");
    }

    @DataBoundSetter
    public void setTimeToRestoreMean(String threshold) {
        thresholds.put("timeToRestoreMean", threshold);
    }

    public String getTimeToDetectMean() {
        return thresholds.get("timeToDetectMean");
    }

    @DataBoundSetter
    public void setTimeToDetectMean(String threshold) {
        thresholds.put("timeToDetectMean", threshold);
    }

    public String getReworkRate() {
        return thresholds.get("reworkRate");
    }

    @DataBoundSetter
    public void setReworkRate(String threshold) {
        thresholds.put("reworkRate", threshold);
    }

    public String getAvailability() {
        return thresholds.get("availability");
    }

    @DataBoundSetter
    public void setAvailability(String threshold) {
        thresholds.put("availability", threshold);
    }

    public String getStakeholderSatisfaction() {
        return thresholds.get("stakeholderSatisfaction");
    }

    @DataBoundSetter
    public void setStakeholderSatisfaction(String threshold) {
        thresholds.put("stakeholderSatisfaction", threshold);
    }

    public String getSharedComponentUse() {
        return thresholds.get("sharedComponentUse");
    }

    @DataBoundSetter
    public void setSharedComponentUse(String threshold) {
        thresholds.put("sharedComponentUse", threshold);
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
    }
}
