package io.devopskpi.server;

import io.devopskpi.core.api.ApiJson;
import io.devopskpi.core.gate.GateVerdict;
import io.devopskpi.core.governance.GatePolicies;
import io.devopskpi.core.gate.KpiGateEvaluator;
import io.devopskpi.core.json.GateJson;
import io.devopskpi.core.kpi.InvalidQueryException;
import io.devopskpi.core.kpi.QueryError;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/v1/gate} (api.md): evaluates a gate now. 200 for PASSED and INSUFFICIENT_DATA, 412 for FAILED
 * (and for INSUFFICIENT_DATA when the gate sets failOnInsufficientData), so {@code curl --fail} fails any CI job.
 * The body may name a gate policy (stored, or {@code contract-{supplier}}) instead of thresholds.
 */
final class GateHandler implements Handler {
    /** A gate is a few hundred bytes; anything far larger is not a gate. */
    static final int MAX_BODY = 64 * 1024;

    private final TokenAuth auth;
    private final KpiGateEvaluator evaluator;
    private final ReadBudget budget;
    private final GatePolicies policies;
    private final Clock clock;

    GateHandler(TokenAuth auth, KpiGateEvaluator evaluator, GatePolicies policies, Clock clock, ReadBudget budget) {
        this.budget = budget;
        this.auth = auth;
        this.evaluator = evaluator;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        auth.requireRead(ctx);
        String body = RequestBody.json(ctx, MAX_BODY);
        GateVerdict verdict;
        try {
            Instant now = clock.instant();
            verdict = budget.run("gate", () -> evaluator.evaluate(GateJson.parse(body, now, policies.lookup())));
        } catch (InvalidQueryException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST.getCode(), ApiJson.queryErrors(e.errors()));
        }
        int status = verdict.breached() ? HttpStatus.PRECONDITION_FAILED.getCode() : HttpStatus.OK.getCode();
        JsonAnswers.write(ctx, status, GateJson.toJson(verdict));
    }
}
