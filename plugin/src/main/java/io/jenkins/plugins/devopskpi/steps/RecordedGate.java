package io.jenkins.plugins.devopskpi.steps;

import io.devopskpi.core.gate.GateVerdict;
import io.devopskpi.core.kpi.Scope;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** A {@code kpiGate} verdict of a run, kept with the run and shown in its {@code api/json}. */
@ExportedBean(defaultVisibility = 2)
public final class RecordedGate {
    private final String policy;
    private final String scope;
    private final String environment;
    private final String status;
    private final boolean breached;
    private final String message;

    RecordedGate(String policy, String scope, String environment, String status, boolean breached,
            String message) {
        this.policy = policy;
        this.scope = scope;
        this.environment = environment;
        this.status = status;
        this.breached = breached;
        this.message = message;
    }

    static RecordedGate of(String policy, GateVerdict verdict) {
        Scope scope = verdict.gate().query().scope();
        return new RecordedGate(policy, scope.parameter() == null ? "all" : scope.parameter() + "=" + scope.name(),
                verdict.gate().query().environment(), verdict.status().name(), verdict.breached(),
                verdict.message());
    }

    /** The policy's name for the run's page; {@code -} for a gate of the step's own. */
    public String getPolicyName() {
        return policy == null ? "-" : policy;
    }

    /** The scope for the run's page; {@code -} when the store could not judge a policy. */
    public String getScopeText() {
        return scope == null ? "-" : scope;
    }

    /** The environment for the run's page; {@code -} when the store could not judge a policy. */
    public String getEnvironmentText() {
        return environment == null ? "-" : environment;
    }

    /** The named gate policy the step used; null for a gate of the step's own. */
    @Exported
    public String getPolicy() {
        return policy;
    }

    /** What was judged, as the read API's query names it (e.g. {@code application=shop}, {@code all}); null when unjudged. */
    @Exported
    public String getScope() {
        return scope;
    }

    @Exported
    public String getEnvironment() {
        return environment;
    }

    /** PASSED, FAILED or INSUFFICIENT_DATA. */
    @Exported
    public String getStatus() {
        return status;
    }

    /** Whether the gate counts as breached (what {@code onBreach} acted on). */
    @Exported
    public boolean isBreached() {
        return breached;
    }

    @Exported
    public String getMessage() {
        return message;
    }
}
